package org.loive.reporting;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loive.access.AdministrativeUnits;
import org.loive.reporting.Breakdowns.Dimension;
import org.loive.reporting.Breakdowns.Measure;
import org.loive.reporting.Indicators.Definition;
import org.loive.reporting.Indicators.Figure;
import org.loive.support.MigrationDatabase;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every indicator on a hand-built data set in a real PostgreSQL migrated as in production, each expected figure
 * worked out by hand in the test. The period is the Decree 09 cut-off 15/10–14/11/2026 in province QNG, so a
 * report at 23:30 on the 14th in Vietnam (16:30Z) counts and one at 00:30 on the 15th (17:30Z) does not. Case C7
 * moves from QNG to GLI on 1/11: what happened before counts in QNG, what happened after in GLI. Case C6 is a
 * duplicate of C1 and counts nowhere. Criminal case CR1 is linked to two referral cases and counts once.
 */
class IndicatorsTest {

	static final Locale VI = Locale.forLanguageTag("vi");
	static final ReportPeriod PERIOD = new ReportPeriod(ReportPeriod.Kind.AD_HOC, LocalDate.parse("2026-10-15"),
			LocalDate.parse("2026-11-14"));

	@TempDir
	static Path directory;
	static MigrationDatabase database;
	static FactTable facts;
	static CaseDimensions dimensions;
	static Indicators indicators;
	static Breakdowns breakdowns;
	static Reports reports;
	static final AtomicInteger keys = new AtomicInteger();

	static final UUID C1 = id(), C2 = id(), C3 = id(), C4 = id(), C5 = id(), C6 = id(), C7 = id(), C8 = id(), C9 = id(),
			C10 = id(), C11 = id(), C12 = id(), C13 = id(), C14 = id();
	static final UUID V14 = id(), V7 = id(), V8 = id(), V9 = id(), V10 = id(), V11 = id(), V12 = id(), N13 = id(), M8 = id(), M9 = id();
	static final UUID CR1 = id(), CR2 = id(), CR3 = id(), CR4 = id();

	@BeforeAll
	static void dataSet() {
		database = MigrationDatabase.start(directory);
		database.migrate();
		facts = new FactTable(database.jdbc());
		dimensions = new CaseDimensions(database.jdbc());
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(basenames());
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		ReportReadings readings = new ReportReadings(2);
		indicators = new Indicators(database.jdbc(), messages, readings);
		breakdowns = new Breakdowns(database.jdbc(), messages, new Provinces());
		reports = new Reports(indicators, breakdowns, readings, Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC));

		// reports (K1, K2, R3, T1)
		report(C1, "QNG-001", "DENUNCIATION", "2026-10-20T02:00:00Z", List.of());
		classified(C1, "QNG", "2026-10-20T05:00:00Z", "2026-10-20T10:00:00Z"); // 3 h, on time
		resolved(C1, "QNG", "2026-11-05");
		report(C2, "QNG-001", "CRIME_REPORT", "2026-11-14T16:30:00Z", List.of()); // 23:30 on the 14th: in
		classified(C2, "QNG", "2026-11-14T17:30:00Z", "2026-11-15T10:00:00Z"); // 00:30 on the 15th: after the period
		report(C3, "QNG-001", "PROSECUTION_PETITION", "2026-11-14T17:30:00Z", List.of()); // 00:30 on the 15th: out
		report(C4, "QNG-002", "DENUNCIATION", "2026-10-01T02:00:00Z", List.of()); // pending at the start
		resolved(C4, "QNG", "2026-11-10");
		report(C5, "QNG-002", "CRIME_REPORT", "2026-09-01T02:00:00Z", List.of());
		resolved(C5, "QNG", "2026-10-01"); // resolved before the start: not counted
		report(C6, "QNG-001", "DENUNCIATION", "2026-10-25T02:00:00Z", List.of());
		classified(C6, "QNG", "2026-10-25T03:00:00Z", "2026-10-25T04:00:00Z");
		facts.append(fact(FactKind.CLASSIFIED, C6, "QNG", "2026-10-25T03:00:01Z").code("DUPLICATE").detail(C1.toString()));
		dimensions.duplicateOf(C6, C1);
		resolved(C6, "QNG", "2026-10-26");

		// C7: a return from abroad, classified late, received and verified in QNG, moved to GLI, identified there
		report(C7, "QNG-003", "PERSON_RETURNED", "2026-10-22T01:00:00Z", List.of());
		classified(C7, "QNG", "2026-10-22T09:00:00Z", "2026-10-22T05:00:00Z"); // 8 h, late
		facts.append(fact(FactKind.ESCALATED, C7, "QNG", "2026-10-22T05:00:00Z").code("Task_Classify"));
		person(V7, C7, "VICTIM", "M", "25-34", "VN", false);
		facts.append(fact(FactKind.PERSON_RECEIVED, C7, "QNG", "2026-10-23T02:00:00Z").person(V7));
		facts.append(fact(FactKind.VERIFIED, C7, "QNG", "2026-10-25T02:00:00Z").person(V7).code("INITIAL")
			.due(Instant.parse("2026-10-26T02:00:00Z")));
		facts.append(fact(FactKind.TRANSFERRED, C7, "QNG", "2026-11-01T03:00:00Z").code("GLI").detail("QNG"));
		dimensions.moved(C7, "GLI-001");
		facts.append(fact(FactKind.IDENTIFIED, C7, "GLI", "2026-11-03T02:00:00Z").person(V7).code("VICTIM"));

		// victims of QNG (K6, P, PR1, S, RI1, RP1)
		victimCase(C8, List.of("SEXUAL_EXPLOITATION", "FORCED_MARRIAGE"), "2026-10-26T01:00:00Z");
		person(V8, C8, "VICTIM", "F", "12-15", "VN", true);
		person(M8, C8, "ACCOMPANYING_MINOR", "M", "6-11", "VN", true);
		facts.append(fact(FactKind.RESCUED, C8, "QNG", "2026-10-26T02:00:00Z").person(V8).code("RESCUED")
			.detail("CROSS_BORDER").agency("border-guard"));
		facts.append(fact(FactKind.PERSON_RECEIVED, C8, "QNG", "2026-10-27T02:00:00Z").person(V8).detail("Task_BorderReception"));
		facts.append(fact(FactKind.PERSON_RECEIVED, C8, "QNG", "2026-10-27T03:00:00Z").person(V8).detail("Task_ReceivePerson"));
		facts.append(fact(FactKind.VERIFIED, C8, "QNG", "2026-10-28T10:00:00Z").person(V8).code("BORDER")
			.due(Instant.parse("2026-10-28T00:00:00Z")));
		facts.append(fact(FactKind.RISK_ASSESSED, C8, "QNG", "2026-10-28T03:00:00Z").person(V8).code("HIGH")); // 10:00 VN
		facts.append(fact(FactKind.PROTECTION, C8, "QNG", "2026-10-28T15:00:00Z").person(V8).code("APPLIED")); // 22:00 VN, same day
		identified(C8, V8, "VICTIM", "2026-10-28T04:00:00Z", "PERSON_STATEMENT+WITNESS_STATEMENT");
		facts.append(fact(FactKind.DOCUMENT_ISSUED, C8, "QNG", "2026-10-28T04:00:00Z").person(V8));
		facts.append(fact(FactKind.GUARDIAN_NOTIFIED, C8, "QNG", "2026-10-28T05:00:00Z").person(M8).code("PARENTS")
			.due(Instant.parse("2026-10-29T05:00:00Z")));
		service(FactKind.SERVICE_REFERRED, C8, V8, "a", "2026-10-29T02:00:00Z", "health");
		service(FactKind.SERVICE_REFERRED, C8, V8, "b", "2026-10-29T02:00:00Z", "health");
		accepted(C8, V8, "QNG", "a", "2026-10-30T02:00:00Z", "health", "2026-10-31T02:00:00Z"); // on time
		service(FactKind.SERVICE_DECLINED, C8, V8, "b", "2026-10-31T02:00:00Z", "NO_CAPACITY");
		accepted(C8, V8, "QNG", "b", "2026-11-02T02:00:00Z", "womens-union", "2026-11-01T02:00:00Z"); // late
		service(FactKind.SERVICE_DELIVERED, C8, V8, "a", "2026-11-05T02:00:00Z", "DELIVERED");
		facts.append(fact(FactKind.SERVICE_EXTENDED, C8, "QNG", "2026-11-06T02:00:00Z").person(V8).code("a").detail("GRANTED"));
		service(FactKind.SERVICE_DELIVERED, C8, V8, "b", "2026-11-10T02:00:00Z", "PARTIALLY_DELIVERED");
		service(FactKind.SERVICE_DELIVERED, C8, V8, "b", "2026-11-20T02:00:00Z", "DELIVERED"); // after the period
		facts.append(fact(FactKind.REINTEGRATION_APPLIED, C8, "QNG", "2026-11-03T02:00:00Z").person(V8));
		facts.append(fact(FactKind.REINTEGRATION_DECIDED, C8, "QNG", "2026-11-08T02:00:00Z").person(V8).code("APPROVED")
			.due(Instant.parse("2026-11-14T10:00:00Z")));
		facts.append(fact(FactKind.FOLLOW_UP_VISIT, C8, "QNG", "2026-11-09T02:00:00Z").person(V8).code("LOW"));
		facts.append(fact(FactKind.FOLLOW_UP_VISIT, C8, "QNG", "2026-11-12T02:00:00Z").person(V8).code("HIGH"));

		victimCase(C9, List.of("FORCED_LABOUR"), "2026-10-29T01:00:00Z");
		person(V9, C9, "VICTIM", "M", "16-17", "KH", false);
		person(M9, C9, "ACCOMPANYING_MINOR", "F", "0-5", "KH", false);
		facts.append(fact(FactKind.RESCUED, C9, "QNG", "2026-10-30T02:00:00Z").person(V9).code("RESCUED")
			.detail("DOMESTIC").agency("police"));
		facts.append(fact(FactKind.VERIFIED, C9, "QNG", "2026-10-31T02:00:00Z").person(V9).code("FURTHER")
			.due(Instant.parse("2026-11-20T02:00:00Z")));
		identified(C9, V9, "VICTIM", "2026-11-01T02:00:00Z", "OFFICIAL_DOCUMENT");
		facts.append(fact(FactKind.RISK_ASSESSED, C9, "QNG", "2026-11-01T10:00:00Z").person(V9).code("HIGH")); // 17:00 VN
		facts.append(fact(FactKind.PROTECTION, C9, "QNG", "2026-11-01T18:00:00Z").person(V9).code("REFUSED")); // 01:00 the next day
		facts.append(fact(FactKind.GUARDIAN_NOTIFIED, C9, "QNG", "2026-11-03T05:00:00Z").person(M9).code("RELATIVES")
			.due(Instant.parse("2026-11-02T05:00:00Z")));
		service(FactKind.SERVICE_REFERRED, C9, V9, "g", "2026-11-02T02:00:00Z", "health");
		service(FactKind.SERVICE_UNMET, C9, V9, "g", "2026-11-08T02:00:00Z", null);
		facts.append(fact(FactKind.REPATRIATED, C9, "QNG", "2026-11-09T02:00:00Z").person(V9));

		victimCase(C10, List.of(), "2026-11-02T01:00:00Z");
		person(V10, C10, "VICTIM", "F", "25-34", "VN", false);
		identified(C10, V10, "VICTIM", "2026-11-03T02:00:00Z", "PERSON_STATEMENT");
		facts.append(fact(FactKind.RESCUED, C10, "QNG", "2026-11-02T02:00:00Z").person(V10).code("CONTINUE_SEARCH")
			.agency("police"));

		victimCase(C11, List.of(), "2026-11-03T01:00:00Z");
		person(V11, C11, "VICTIM", "F", "18-24", "VN", false);
		identified(C11, V11, "VICTIM", "2026-11-04T02:00:00Z", "PERSON_STATEMENT");
		service(FactKind.SERVICE_REFERRED, C11, V11, "a", "2026-11-05T02:00:00Z", "health");
		facts.append(fact(FactKind.CONSENT_WITHDRAWN, C11, "QNG", "2026-11-06T02:00:00Z"));

		victimCase(C12, List.of(), "2026-11-09T01:00:00Z");
		person(V12, C12, "VICTIM", null, null, null, null);
		identified(C12, V12, "VICTIM", "2026-11-10T02:00:00Z", "OFFICIAL_DOCUMENT");
		facts.append(fact(FactKind.DOCUMENT_ISSUED, C12, "QNG", "2026-11-10T02:00:00Z").person(V12));
		facts.append(fact(FactKind.RISK_ASSESSED, C12, "QNG", "2026-11-10T03:00:00Z").person(V12).code("MEDIUM"));
		service(FactKind.SERVICE_REFERRED, C12, V12, "a", "2026-11-11T02:00:00Z", "health");
		service(FactKind.SERVICE_ACCEPTED, C12, V12, "a", "2026-11-12T14:00:00Z", "health");
		service(FactKind.SERVICE_DELIVERED, C12, V12, "a", "2026-11-13T02:00:00Z", "DELIVERED");
		facts.append(fact(FactKind.SERVICE_EXTENDED, C12, "QNG", "2026-11-14T02:00:00Z").person(V12).code("a").detail("REFUSED"));
		// the application was received on the 14th of October (the officer's date): before the period
		facts.append(fact(FactKind.REINTEGRATION_APPLIED, C12, "QNG", "2026-11-12T02:00:00Z").person(V12)
			.on(LocalDate.parse("2026-10-14")));
		facts.append(fact(FactKind.REINTEGRATION_DECIDED, C12, "QNG", "2026-11-13T02:00:00Z").person(V12).code("DECLINED")
			.due(Instant.parse("2026-11-12T10:00:00Z")));
		facts.append(fact(FactKind.FOLLOW_UP_VISIT, C12, "QNG", "2026-11-14T02:00:00Z").person(V12).code("LOW"));

		victimCase(C13, List.of(), "2026-11-04T01:00:00Z");
		person(N13, C13, "IDENTIFYING", "M", "35-44", "VN", false);
		identified(C13, N13, "NOT_VICTIM", "2026-11-05T02:00:00Z", null);

		// criminal cases (K3, K4, K5)
		milestone(CR1, "QNG", FactKind.CRIMINAL_INITIATED, "2026-10-20");
		milestone(CR1, "QNG", FactKind.CRIMINAL_SOLVED, "2026-11-02");
		milestone(CR1, "QNG", FactKind.CRIMINAL_PROSECUTED, "2026-11-12");
		link(CR1, C1);
		link(CR1, C4);
		milestone(CR2, "QNG", FactKind.CRIMINAL_INITIATED, "2026-09-10");
		milestone(CR2, "QNG", FactKind.CRIMINAL_SOLVED, "2026-11-20");
		link(CR2, C8);
		milestone(CR3, "QNG", FactKind.CRIMINAL_INITIATED, "2026-08-01");
		milestone(CR3, "QNG", FactKind.CRIMINAL_SOLVED, "2026-08-20");
		milestone(CR3, "QNG", FactKind.CRIMINAL_PROSECUTED, "2026-08-30");
		milestone(CR3, "QNG", FactKind.CRIMINAL_TRIED, "2026-10-30");
		link(CR3, C9);
		milestone(CR4, "GLI", FactKind.CRIMINAL_INITIATED, "2026-10-25");

		// C14 in DNG: services referred or accepted more than once, and one referred in two provinces (KTM after a
		// move), none of it in QNG
		report(C14, "DNG-001", "PERSON_RETURNED", "2026-09-20T01:00:00Z", List.of());
		// a: referred before the period, declined, referred again in it, accepted once in it (late)
		service(FactKind.SERVICE_REFERRED, C14, V14, "DNG", "a", "2026-10-01T02:00:00Z", "health");
		service(FactKind.SERVICE_DECLINED, C14, V14, "DNG", "a", "2026-10-02T02:00:00Z", "NO_CAPACITY");
		service(FactKind.SERVICE_REFERRED, C14, V14, "DNG", "a", "2026-10-20T02:00:00Z", "health");
		accepted(C14, V14, "DNG", "a", "2026-10-21T02:00:00Z", "health", "2026-10-20T02:00:00Z");
		// b: referred once, accepted late, then on time by another provider, delivered in full
		service(FactKind.SERVICE_REFERRED, C14, V14, "DNG", "b", "2026-10-16T02:00:00Z", "health");
		accepted(C14, V14, "DNG", "b", "2026-10-17T02:00:00Z", "health", "2026-10-16T12:00:00Z");
		accepted(C14, V14, "DNG", "b", "2026-10-25T02:00:00Z", "womens-union", "2026-10-26T02:00:00Z");
		service(FactKind.SERVICE_DELIVERED, C14, V14, "DNG", "b", "2026-10-30T02:00:00Z", "DELIVERED");
		// c: referred in DNG, then in KTM, never accepted
		service(FactKind.SERVICE_REFERRED, C14, V14, "DNG", "c", "2026-10-18T02:00:00Z", "health");
		service(FactKind.SERVICE_REFERRED, C14, V14, "KTM", "c", "2026-10-28T02:00:00Z", "health");
	}

	@AfterAll
	static void stop() {
		database.close();
	}

	@Test
	void k1CountsReportsOfTheThreeKindsReceivedInThePeriodAndClassifiedByItsEnd() {
		// received in the period, kinds tố giác / tin báo / kiến nghị: C1, C2 (23:30 on the 14th); not C3 (00:30 on
		// the 15th), not C6 (a duplicate), not C7 (a person returned). Classified by the 14th: C1 only (C2 on the 15th)
		assertValue(Definition.K1, "QNG", 1, 2);
		assertThat(value(Definition.K1, "QNG").met()).isFalse();
		assertThat(value(Definition.K1, "QNG").plan()).contains("521/QĐ-UBND");
		assertThat(indicators.cases(Definition.K1, "QNG", PERIOD, Figure.SHORTFALL)).containsExactly(C2);
	}

	@Test
	void k2CountsReportsReceivedInThePeriodAndThosePendingAtItsStart() {
		// received in the period C1, C2; pending at the start C4 (received 1/10, resolved 10/11); C5 resolved before
		// the start is out, C6 a duplicate. Resolved by the 14th: C1, C4 → 2 / 3 = 66.7%, not above 90%
		assertValue(Definition.K2, "QNG", 2, 3);
		assertThat(value(Definition.K2, "QNG").share()).isEqualByComparingTo("66.7");
		assertThat(indicators.cases(Definition.K2, "QNG", PERIOD, Figure.DENOMINATOR)).containsExactlyInAnyOrder(C1, C2, C4);
	}

	@Test
	void k3CountsCriminalCasesOnceWhateverTheReferralsLinked() {
		// to solve in the period: CR1 (initiated 20/10), CR2 (initiated 10/9, not solved before 15/10); CR3 was solved
		// before; CR4 is GLI's. Solved by the 14th: CR1 (linked to C1 and C4, counted once) → 1 / 2
		assertValue(Definition.K3, "QNG", 1, 2);
		assertThat(indicators.cases(Definition.K3, "QNG", PERIOD, Figure.NUMERATOR)).containsExactlyInAnyOrder(C1, C4);
		assertValue(Definition.K3, "GLI", 0, 1);
	}

	@Test
	void k4CountsCasesBeforeTheProcuracyThoseProsecuted() {
		// solved by the 14th and not prosecuted before the 15th: CR1 (solved 2/11, prosecuted 12/11); CR3 was
		// prosecuted in August, CR2 solved only on 20/11 → 1 / 1 = 100% ≥ 95%
		assertValue(Definition.K4, "QNG", 1, 1);
		assertThat(value(Definition.K4, "QNG").met()).isTrue();
	}

	@Test
	void k5CountsCasesBeforeTheCourtThoseTried() {
		// prosecuted by the 14th and not tried before the 15th: CR1 (not tried), CR3 (tried 30/10) → 1 / 2
		assertValue(Definition.K5, "QNG", 1, 2);
	}

	@Test
	void k6CountsVictimsWhoseEveryServiceWasAcceptedByThePeriodsEnd() {
		// identified as victims in QNG in the period: V8, V9, V10, V11, V12 (V7 was identified in GLI after the move).
		// Apart: V10 (no service referred), V11 (consent withdrawn). Left: V8 (a accepted; b declined, then accepted
		// elsewhere), V9 (g unmet), V12 (a accepted) → 2 / 3
		assertValue(Definition.K6, "QNG", 2, 3);
		assertThat(value(Definition.K6, "QNG").plan()).contains("2608/KH-UBND");
		// delivered in full by the 14th: V12; V8's b was partly delivered, in full only on 20/11 → 1 / 3
		assertValue(Definition.K6_DELIVERED, "QNG", 1, 3);
		// counted apart, out of the 5 identified
		assertValue(Definition.K6_NO_NEED, "QNG", 1, 5);
		assertValue(Definition.K6_WITHDRAWN, "QNG", 1, 5);
		assertThat(indicators.cases(Definition.K6, "QNG", PERIOD, Figure.SHORTFALL)).containsExactly(C9);
	}

	@Test
	void r3MeasuresHoursFromReceiptToClassificationAndTheShareOnTime() {
		// classified in QNG in the period: C1 (3 h, on time), C7 (8 h, late); C2's on the 15th, C6 a duplicate
		// → 1 / 2 within the deadline, median (3 + 8) / 2 = 5.5 hours
		assertValue(Definition.R3, "QNG", 1, 2);
		assertThat(value(Definition.R3, "QNG").label()).contains("5,5 giờ");
		assertThat(indicators.value(Definition.R3, "QNG", PERIOD, Locale.ENGLISH).label()).contains("5.5 hours");
	}

	@Test
	void p1CountsPersonsReceivedOnceWhereTheCaseWasThen() {
		// V7 (before the move, in QNG) and V8 (received twice: border guard, then commune) → 2; a count, no share
		assertValue(Definition.P1, "QNG", 2, 0);
		assertValue(Definition.P1, "GLI", 0, 0);
	}

	@Test
	void p2CountsPersonsRescuedAndTheShareAcrossTheBorder() {
		// rescued: V8 (cross-border), V9 (domestic); V10's search continues → 2, of whom 1 cross-border
		assertValue(Definition.P2, "QNG", 2, 0);
		assertValue(Definition.P2_CROSS_BORDER, "QNG", 1, 2);
	}

	@Test
	void p3CountsVerificationsOnTime() {
		// initial or border verification: V7 on time (before the move), V8 ten hours late → 1 / 2; further: V9 on time
		assertValue(Definition.P3_INITIAL, "QNG", 1, 2);
		assertValue(Definition.P3_FURTHER, "QNG", 1, 1);
	}

	@Test
	void p4CountsIdentificationDecisionsAndDocuments() {
		// decisions in QNG: V8, V9, V10, V11, V12 victims, N13 not → 5 / 6; in GLI: V7 after the move → 1 / 1
		assertValue(Definition.P4, "QNG", 5, 6);
		assertValue(Definition.P4, "GLI", 1, 1);
		// the whole country: 6 / 7
		assertValue(Definition.P4, null, 6, 7);
		// documents issued: V8, V12 of the 5 victims
		assertValue(Definition.P4_DOCUMENTS, "QNG", 2, 5);
	}

	@Test
	void p5CountsMinorsWhoseGuardianWasNotifiedOnTime() {
		// M8 notified a day early, M9 a day late → 1 / 2
		assertValue(Definition.P5, "QNG", 1, 2);
	}

	@Test
	void p6CountsPersonsVisitedAtHighRiskOnce() {
		// visited: V8 (LOW, then HIGH: once), V12 (LOW) → 1 / 2
		assertValue(Definition.P6, "QNG", 1, 2);
	}

	@Test
	void pr1CountsHighRiskProtectedTheSameVietnameseDay() {
		// HIGH: V8 assessed 10:00, protected 22:00 the same day; V9 assessed 17:00, protection decided 01:00 the next
		// day (18:00Z, still the 1st in UTC) → 1 / 2; decisions: V8 applied, V9 refused → 1 / 2
		assertValue(Definition.PR1, "QNG", 1, 2);
		assertValue(Definition.PR1_APPLIED, "QNG", 1, 2);
	}

	@Test
	void s2CountsServicesReferredAcceptedDeliveredUnmet() {
		// referred: V8 a, V8 b, V9 g, V11 a, V12 a = 5; accepted by the 14th: V8 a, V8 b, V12 a = 3
		assertValue(Definition.S2, "QNG", 3, 5);
		// accepted in the period: 3; delivered in full by the 14th: V8 a, V12 a (V8 b only partly) → 2 / 3
		assertValue(Definition.S2_DELIVERED, "QNG", 2, 3);
		// no provider found: V9 g → 1 / 5
		assertValue(Definition.S2_UNMET, "QNG", 1, 5);
	}

	@Test
	void s3MeasuresDaysToAcceptanceAndExtensions() {
		// acceptances: V8 a (1 day, on time), V8 b (4 days, late), V12 a (1.5 days, no deadline recorded) → 2 / 3,
		// median 1.5 days
		assertValue(Definition.S3, "QNG", 2, 3);
		assertThat(value(Definition.S3, "QNG").label()).contains("1,5 ngày");
		// extensions: V8 granted, V12 refused → 1 / 2
		assertValue(Definition.S3_EXTENDED, "QNG", 1, 2);
	}

	@Test
	void servicesReferredOrAcceptedMoreThanOnceCountOnceInEachProvinceOfTheirFacts() {
		// referred in DNG in the period: a (again, on the 20th), b, c → 3; accepted by the 14th: a, b → 2 / 3
		assertValue(Definition.S2, "DNG", 2, 3);
		assertValue(Definition.S2_UNMET, "DNG", 0, 3);
		// c was referred in KTM too: counted there, and once in the whole country (QNG's 3 / 5 and DNG's)
		assertValue(Definition.S2, "KTM", 0, 1);
		assertValue(Definition.S2, null, 5, 8);
		// accepted in the period: a, b (twice) → 2; delivered in full by the 14th: b → 1 / 2
		assertValue(Definition.S2_DELIVERED, "DNG", 1, 2);
		// on time: b (its second acceptance), not a → 1 / 2; days from the first referral, each acceptance:
		// a 20, b 1 and 9 → median 9
		assertValue(Definition.S3, "DNG", 1, 2);
		assertThat(value(Definition.S3, "DNG").label()).contains("9 ngày");
		assertThat(indicators.cases(Definition.S3, "DNG", PERIOD, Figure.SHORTFALL)).containsExactly(C14);
	}

	@Test
	void ri1CountsReintegrationDecisionsWithinNineWorkingDays() {
		// decided: V8 approved on time, V12 declined after the deadline → on time 1 / 2, approved 1 / 2
		assertValue(Definition.RI1, "QNG", 1, 2);
		assertValue(Definition.RI1_APPROVED, "QNG", 1, 2);
		// applications received in the period: V8; V12's is dated 14/10, before it → 1
		assertValue(Definition.RI1_APPLIED, "QNG", 1, 0);
	}

	@Test
	void rp1CountsForeignVictimsRepatriated() {
		assertValue(Definition.RP1, "QNG", 1, 0);
	}

	@Test
	void t1CountsTasksOnTimeAndEscalations() {
		// tasks completed in QNG: classify C1 (on time), C7 (late), C2's on the 15th is out, C6's a duplicate;
		// responses V8 a (on time), V8 b (late) → 2 / 4; escalations: C7's classification → 1
		assertValue(Definition.T1, "QNG", 2, 4);
		assertValue(Definition.T1_ESCALATED, "QNG", 1, 0);
	}

	@Test
	void breakdownsCountPersonsByTheirCodesWithLabelsInTheReadersLanguage() {
		// victims identified in QNG: V8 F, V9 M, V10 F, V11 F, V12 not recorded → F 3, M 1, not recorded 1, total 5
		ReportTable sex = breakdowns.table(Dimension.SEX, List.of(Measure.VICTIMS_IDENTIFIED), "QNG", PERIOD, VI);
		assertThat(sex.rows()).extracting(ReportTable.Row::label, row -> row.counts().get(0))
			.containsExactly(tuple("Nữ", 3L), tuple("Nam", 1L), tuple("Chưa ghi nhận", 1L), tuple("Tổng số", 5L));
		assertThat(sex.columnTotals()).isTrue();
		assertThat(sex.title()).isEqualTo("Nạn nhân theo giới tính");
		assertThat(breakdowns.table(Dimension.SEX, List.of(Measure.VICTIMS_IDENTIFIED), "QNG", PERIOD, Locale.ENGLISH)
			.rows().get(0).label()).isEqualTo("Female");
		// age groups: V8 12–15 (under 16 and under 18), V9 16–17 (under 18), V10, V11 adults, V12 not recorded
		ReportTable ages = breakdowns.table(Dimension.AGE_GROUP, List.of(Measure.VICTIMS_IDENTIFIED), "QNG", PERIOD, VI);
		assertThat(ages.rows()).extracting(ReportTable.Row::code, row -> row.counts().get(0))
			.containsExactly(tuple("ADULT", 2L), tuple("UNDER_18", 2L), tuple("UNDER_16", 1L), tuple("", 1L));
		assertThat(ages.columnTotals()).isFalse();
	}

	@Test
	void breakdownsCountACaseInEachOfItsFormsAndServicesByCode() {
		// persons received: V8's case has two forms (counted in both), V7's none
		ReportTable forms = breakdowns.table(Dimension.EXPLOITATION_FORM,
				List.of(Measure.PERSONS_RECEIVED, Measure.VICTIMS_IDENTIFIED), "QNG", PERIOD, VI);
		assertThat(forms.rows()).extracting(ReportTable.Row::code, ReportTable.Row::counts)
			.containsExactly(tuple("FORCED_MARRIAGE", List.of(1L, 1L)), tuple("SEXUAL_EXPLOITATION", List.of(1L, 1L)),
					tuple("FORCED_LABOUR", List.of(0L, 1L)), tuple("", List.of(1L, 3L)));
		assertThat(forms.rows().get(1).label()).isEqualTo("Bóc lột tình dục");
		// services: a referred V8, V11, V12 (3), accepted 2, delivered in full 2 (V8 a, V12 a; V8 b's full
		// delivery is after the period); b 1, 1 accepted, 1 declined; g 1 referred, 1 unmet
		ReportTable services = breakdowns.table(Dimension.SERVICE, List.of(Measure.SERVICES_REFERRED,
				Measure.SERVICES_ACCEPTED, Measure.SERVICES_DECLINED, Measure.SERVICES_DELIVERED, Measure.SERVICES_UNMET),
				"QNG", PERIOD, VI);
		assertThat(services.rows()).extracting(ReportTable.Row::code, ReportTable.Row::counts)
			.containsExactly(tuple("a", List.of(3L, 2L, 0L, 2L, 0L)), tuple("b", List.of(1L, 1L, 1L, 0L, 0L)),
					tuple("g", List.of(1L, 0L, 0L, 0L, 1L)));
		assertThat(services.rows().get(0).label()).isEqualTo("a. Hỗ trợ nhu cầu thiết yếu");
	}

	@Test
	void aReportHoldsEveryIndicatorAndTheStandardTablesAndATrend() {
		Report report = reports.report("QNG", PERIOD, VI);
		assertThat(report.indicators()).extracting(IndicatorValue::id)
			.containsExactly(java.util.Arrays.stream(Definition.values()).map(d -> d.id).toArray(String[]::new));
		// read together (a family in one pass) as each alone
		assertThat(report.indicators()).containsExactlyElementsOf(
				java.util.Arrays.stream(Definition.values()).map(definition -> value(definition, "QNG")).toList());
		assertThat(indicators.all(null, PERIOD, VI)).containsExactlyElementsOf(
				java.util.Arrays.stream(Definition.values()).map(definition -> value(definition, null)).toList());
		assertThat(report.tables()).hasSize(Reports.STANDARD.size());
		assertThat(report.tables()).extracting(ReportTable::key).doesNotHaveDuplicates();
		assertThat(report.computedAt()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
		// the period before, as long (31 days): 14/9–14/10; C5 received 1/9 is before both, C4 received
		// 1/10 is in it, unclassified → K1 0 / 1
		Optional<List<Reports.TrendPoint>> trend = reports.trend("K1", "QNG", PERIOD, 2, VI);
		assertThat(trend.orElseThrow()).extracting(point -> point.value().numerator(), point -> point.value().denominator())
			.containsExactly(tuple(0L, 1L), tuple(1L, 2L));
		assertThat(reports.trend("K9", "QNG", PERIOD, 2, VI)).isEmpty();
		assertThat(reports.cases("K5", "QNG", PERIOD, Figure.NUMERATOR).orElseThrow()).containsExactly(C9);
	}

	/** The bundles the application reads, as application.yml lists them. */
	private static String[] basenames() {
		try (var in = IndicatorsTest.class.getResourceAsStream("/application.yml")) {
			String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			java.util.regex.Matcher line = java.util.regex.Pattern.compile("basename: *(\\S+)").matcher(yaml);
			assertThat(line.find()).isTrue();
			return line.group(1).split(",");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void assertValue(Definition definition, String province, long numerator, long denominator) {
		IndicatorValue value = value(definition, province);
		assertThat(value.numerator()).as(definition.id + " numerator").isEqualTo(numerator);
		assertThat(value.denominator()).as(definition.id + " denominator").isEqualTo(denominator);
	}

	private static IndicatorValue value(Definition definition, String province) {
		return indicators.value(definition, province, PERIOD, VI);
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

	private static UUID id() {
		return UUID.randomUUID();
	}

	private static Fact fact(FactKind kind, UUID caseId, String province, String at) {
		return Fact.of(kind, caseId, province, Instant.parse(at), kind + ":" + keys.incrementAndGet());
	}

	private static void report(UUID caseId, String area, String kind, String at, List<String> forms) {
		dimensions.recordCase(new CaseDimensions.CaseCodes(caseId, "R-" + keys.incrementAndGet(), "HOTLINE_111", kind,
				"INLAND", null, "DOMESTIC", forms, List.of(), null, area, Instant.parse(at)));
		facts.append(fact(FactKind.REPORT_RECEIVED, caseId, area.substring(0, 3), at).area(area).agency("police")
			.code("HOTLINE_111").detail(kind));
	}

	private static void victimCase(UUID caseId, List<String> forms, String at) {
		report(caseId, "QNG-004", "PERSON_RETURNED", at, forms);
	}

	/** A classification as the chain records it: the task's completion and the classification, with its deadline. */
	private static void classified(UUID caseId, String province, String at, String due) {
		facts.append(fact(FactKind.TASK_COMPLETED, caseId, province, at).code("Task_Classify").agency("police")
			.due(Instant.parse(due)));
		facts.append(fact(FactKind.CLASSIFIED, caseId, province, at).code("TRAFFICKING_SUSPECTED").due(Instant.parse(due)));
	}

	private static void resolved(UUID caseId, String province, String day) {
		facts.append(fact(FactKind.REPORT_RESOLVED, caseId, province, day + "T09:00:00Z").code("INITIATED")
			.on(LocalDate.parse(day)));
	}

	private static void person(UUID personId, UUID caseId, String role, String sex, String ageBand, String nationality,
			Boolean minority) {
		dimensions.recordPerson(new CaseDimensions.PersonCodes(personId, caseId, role, sex, ageBand, nationality, minority));
	}

	private static void identified(UUID caseId, UUID personId, String code, String at, String evidence) {
		facts.append(fact(FactKind.IDENTIFIED, caseId, "QNG", at).person(personId).code(code).detail(evidence)
			.agency("police"));
	}

	private static void service(FactKind kind, UUID caseId, UUID personId, String service, String at, String detail) {
		service(kind, caseId, personId, "QNG", service, at, detail);
	}

	private static void service(FactKind kind, UUID caseId, UUID personId, String province, String service, String at,
			String detail) {
		facts.append(fact(kind, caseId, province, at).person(personId).code(service).detail(detail));
	}

	/** An acceptance as the chain records it: the provider's response task and the acceptance, with its deadline. */
	private static void accepted(UUID caseId, UUID personId, String province, String service, String at, String provider,
			String due) {
		facts.append(fact(FactKind.TASK_COMPLETED, caseId, province, at).person(personId).code("Task_RespondToReferral")
			.due(Instant.parse(due)));
		facts.append(fact(FactKind.SERVICE_ACCEPTED, caseId, province, at).person(personId).code(service).detail(provider)
			.due(Instant.parse(due)));
	}

	private static void milestone(UUID criminalCase, String province, FactKind kind, String day) {
		facts.append(Fact.of(kind, null, province, Instant.parse(day + "T03:00:00Z"), kind + ":" + criminalCase)
			.criminalCase(criminalCase)
			.on(LocalDate.parse(day)));
	}

	private static void link(UUID criminalCase, UUID caseId) {
		facts.append(Fact.of(FactKind.CRIMINAL_LINKED, caseId, "QNG", Instant.parse("2026-11-01T03:00:00Z"),
				"CRIMINAL_LINKED:" + criminalCase + ":" + caseId).criminalCase(criminalCase));
	}

	/** The provinces the tables name. */
	static final class Provinces implements AdministrativeUnits {

		private static final List<Province> PROVINCES = List.of(new Province("QNG", "51", "Tỉnh Quảng Ngãi", "Quang Ngai Province"),
				new Province("GLI", "52", "Tỉnh Gia Lai", "Gia Lai Province"));

		@Override
		public List<Province> provinces() {
			return PROVINCES;
		}

		@Override
		public Optional<Province> province(String shortCode) {
			return PROVINCES.stream().filter(province -> province.shortCode().equals(shortCode)).findFirst();
		}

		@Override
		public boolean hasCommune(String provinceShortCode, String communeCode) {
			return true;
		}
	}
}
