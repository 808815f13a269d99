package org.loive.criminal;

import org.junit.jupiter.api.Test;
import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.platform.ApiException;
import org.loive.platform.InvalidRequestException;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The rules of recording on a criminal case: order, dates in Vietnam, the trial's outcome, who decides. */
class CriminalCasesTest {

	/** 01:00 on 21 November in Vietnam, still the 20th in UTC. */
	static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");
	static final LocalDate TODAY_IN_VIETNAM = LocalDate.of(2026, 11, 21);
	static final UUID ID = UUID.fromString("3b1f0c7a-9d2e-4f5a-8b6c-1d2e3f4a5b6c");
	static final Officer POLICE = new Officer("police.qng", Set.of(Officer.CASEWORKER), Set.of("police"), "QNG");
	static final Officer PROCURACY = new Officer("procuracy.qng", Set.of(Officer.CASEWORKER), Set.of("procuracy"), "QNG");

	final CriminalCaseRecords records = mock(CriminalCaseRecords.class);
	final ReferralCases referrals = mock(ReferralCases.class);
	final VictimDataAccess access = mock(VictimDataAccess.class);
	final CriminalCases cases = new CriminalCases(records, referrals, access, event -> { }, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aMilestoneOutOfOrderIsAConflictAndRecordsNothing() {
		at(CriminalCaseStatus.REGISTERED);

		assertThatThrownBy(() -> cases.record(ID, milestone(Milestone.SOLVED, TODAY_IN_VIETNAM, null), POLICE))
			.isInstanceOfSatisfying(ApiException.class, e -> {
				assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(e.messageKey()).isEqualTo("criminal-case.out-of-order");
			});
		at(CriminalCaseStatus.INITIATED, TODAY_IN_VIETNAM);
		assertThatThrownBy(() -> cases.record(ID, milestone(Milestone.INITIATED, TODAY_IN_VIETNAM, null), POLICE))
			.as("once initiated, not again")
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
		verify(records, never()).advance(any(), any(), any(), any(), any(), any(), any());
	}

	@Test
	void theNextMilestoneIsRecordedOnTodayInVietnamEvenWhereUtcIsStillYesterday() {
		at(CriminalCaseStatus.REGISTERED);
		when(records.advance(any(), any(), any(), any(), any(), any(), any())).thenReturn(true);

		cases.record(ID, milestone(Milestone.INITIATED, TODAY_IN_VIETNAM, null), POLICE);

		verify(records).advance(ID, CriminalCaseStatus.REGISTERED, Milestone.INITIATED, TODAY_IN_VIETNAM, null,
				"police.qng", NOW);
	}

	@Test
	void aDayInTheFutureIsRefusedOnItsField() {
		at(CriminalCaseStatus.REGISTERED);

		assertThat(rejections(Milestone.INITIATED, TODAY_IN_VIETNAM.plusDays(1), null, POLICE))
			.containsExactly(new InvalidRequestException.Rejection("date", "validation.not-in-future"));
	}

	@Test
	void aDayBeforeThePreviousMilestoneIsRefusedOnItsField() {
		at(CriminalCaseStatus.INITIATED, TODAY_IN_VIETNAM.minusDays(3));

		assertThat(rejections(Milestone.SOLVED, TODAY_IN_VIETNAM.minusDays(4), null, POLICE))
			.containsExactly(new InvalidRequestException.Rejection("date", "validation.before-previous-milestone"));
	}

	@Test
	void theTrialNeedsItsOutcomeAndNoOtherMilestoneHasOne() {
		at(CriminalCaseStatus.PROSECUTED, TODAY_IN_VIETNAM.minusDays(30));
		Officer court = new Officer("court.qng", Set.of(Officer.CASEWORKER), Set.of("court"), "QNG");
		assertThat(rejections(Milestone.TRIED, TODAY_IN_VIETNAM, null, court))
			.containsExactly(new InvalidRequestException.Rejection("outcome", "validation.required"));

		at(CriminalCaseStatus.REGISTERED);
		assertThat(rejections(Milestone.INITIATED, TODAY_IN_VIETNAM, TrialOutcome.CONVICTED, POLICE))
			.containsExactly(new InvalidRequestException.Rejection("outcome", "validation.outcome-at-trial"));
	}

	@Test
	void eachMilestoneIsDecidedForItsOwnAgencyInTheCasesProvince() {
		at(CriminalCaseStatus.SOLVED, TODAY_IN_VIETNAM.minusDays(1));
		when(records.advance(any(), any(), any(), any(), any(), any(), any())).thenReturn(true);

		cases.record(ID, milestone(Milestone.PROSECUTED, TODAY_IN_VIETNAM, null), PROCURACY);

		verify(access).authorizeCriminalCaseRecord(eq(PROCURACY), eq(Agency.PROCURACY), any(), eq("QNG"));
		assertThat(Milestone.INITIATED.recordedBy()).isEqualTo(Agency.POLICE);
		assertThat(Milestone.SOLVED.recordedBy()).isEqualTo(Agency.POLICE);
		assertThat(Milestone.TRIED.recordedBy()).isEqualTo(Agency.COURT);
	}

	@Test
	void aMilestoneAnotherRequestRecordedFirstIsAConflict() {
		at(CriminalCaseStatus.REGISTERED);
		when(records.advance(any(), any(), any(), any(), any(), any(), any())).thenReturn(false);

		assertThatThrownBy(() -> cases.record(ID, milestone(Milestone.INITIATED, TODAY_IN_VIETNAM, null), POLICE))
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
	}

	@Test
	void linkingAsksTheDecisionForTheCriminalCasesAndTheReferralCasesProvince() {
		at(CriminalCaseStatus.INITIATED, TODAY_IN_VIETNAM);
		UUID gli = UUID.randomUUID();
		when(referrals.findByReference("GLI-2026-000001"))
			.thenReturn(Optional.of(new ReferralCases.Referral(gli, "GLI-2026-000001", "GLI")));
		when(records.link(any(), any(), any(), any())).thenReturn(true);

		cases.link(ID, "GLI-2026-000001", POLICE);

		verify(access).authorizeCriminalCaseRecord(eq(POLICE), eq(Agency.POLICE), any(), eq("QNG"), eq("GLI"));
	}

	@Test
	void anUnknownReferralCaseIsNotFound() {
		at(CriminalCaseStatus.INITIATED, TODAY_IN_VIETNAM);
		when(referrals.findByReference("QNG-2026-999999")).thenReturn(Optional.empty());

		assertThatThrownBy(() -> cases.link(ID, "QNG-2026-999999", POLICE))
			.isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
		verify(records, never()).link(any(), any(), any(), any());
	}

	@Test
	void theOrderOfTheMilestonesIsTheStatusOrder() {
		assertThat(CriminalCaseStatus.REGISTERED.next()).contains(Milestone.INITIATED);
		assertThat(CriminalCaseStatus.INITIATED.next()).contains(Milestone.SOLVED);
		assertThat(CriminalCaseStatus.SOLVED.next()).contains(Milestone.PROSECUTED);
		assertThat(CriminalCaseStatus.PROSECUTED.next()).contains(Milestone.TRIED);
		assertThat(CriminalCaseStatus.TRIED.next()).isEmpty();
	}

	/** The case in QNG at this status, with milestones on these days. */
	private void at(CriminalCaseStatus status, LocalDate... days) {
		when(records.find(ID)).thenReturn(Optional.of(new CriminalCaseRecords.Row(ID, "15/2026/QĐ-CSHS", "QNG",
				Charge.ARTICLE_150, status, "police.qng", NOW)));
		when(records.milestones(ID)).thenReturn(java.util.Arrays.stream(days)
			.map(day -> new CriminalCaseView.RecordedMilestone(Milestone.INITIATED, day, null, "police.qng", NOW))
			.toList());
	}

	private List<InvalidRequestException.Rejection> rejections(Milestone milestone, LocalDate date,
			TrialOutcome outcome, Officer officer) {
		try {
			cases.record(ID, milestone(milestone, date, outcome), officer);
		}
		catch (InvalidRequestException e) {
			verify(records, never()).advance(any(), any(), eq(milestone), any(), any(), any(), any());
			return e.rejections();
		}
		throw new AssertionError("not refused");
	}

	private static CriminalCaseController.MilestoneRecord milestone(Milestone milestone, LocalDate date,
			TrialOutcome outcome) {
		return new CriminalCaseController.MilestoneRecord(milestone, date, outcome);
	}
}
