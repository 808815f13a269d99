package org.loive.audit;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What the API and the pages both record when an auditor reviews, exports or discloses. */
class AuditorActionsTest {

	static final AuditEvent.Actor AUDITOR = new AuditEvent.Actor("auditor.qng", null, "auditor");
	static final UUID CASE = UUID.randomUUID();
	static final UUID PERSON = UUID.randomUUID();

	final AuditTrail trail = mock(AuditTrail.class);
	final AuditLog log = mock(AuditLog.class);
	final AuditorActions actions = new AuditorActions(trail, log, () -> AUDITOR);

	private AuditEvent recorded() {
		ArgumentCaptor<AuditEvent> event = ArgumentCaptor.forClass(AuditEvent.class);
		verify(log).record(event.capture());
		return event.getValue();
	}

	@Test
	void aFindingIsAnAuditReviewOnTheReadsCaseAndPerson() {
		when(trail.reviewable(5)).thenReturn(new AuditRecord(5, Instant.now(), "supervisor.qng", null, "supervisor",
				"BREAK_GLASS_READ", CASE.toString(), PERSON.toString(), "identity", "break-glass:SAFETY_EMERGENCY", null,
				"SUCCESS", true, "h"));
		when(log.recordChained(any())).thenReturn(9L);

		long seq = actions.review(new AuditorActions.Review(5L, AuditorActions.Finding.REFERRED, "12/QĐ"));

		assertThat(seq).isEqualTo(9);
		ArgumentCaptor<AuditEvent> chained = ArgumentCaptor.forClass(AuditEvent.class);
		verify(log).recordChained(chained.capture());
		assertThat(chained.getValue()).isEqualTo(AuditEvent.of(AuditAction.AUDIT_REVIEW, AUDITOR).onCase(CASE).person(PERSON)
			.purpose("seq:5:REFERRED:12/QĐ"));
	}

	@Test
	void anExportIsRecordedBeforeTheRangeIsWritten() throws Exception {
		ResponseEntity<StreamingResponseBody> download = actions.export(3, 9);

		assertThat(recorded()).isEqualTo(AuditEvent.of(AuditAction.AUDIT_EXPORT, AUDITOR).purpose("seq:3-9"));
		assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"loive-audit-3.jsonl\"");
		assertThat(download.getHeaders().getContentType()).hasToString("application/x-ndjson");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		download.getBody().writeTo(out);
		var order = inOrder(log, trail);
		order.verify(log).record(any());
		order.verify(trail).export(3, 9, out);
	}

	@Test
	void aDisclosureIsRecordedWithWhetherOfficersAreNamed() {
		List<AuditTrail.Access> accesses = List.of(new AuditTrail.Access(Instant.now(), "PERSON_READ", "police",
				"caseworker", "identity", "task:1", "police.qng"));
		when(trail.accesses(PERSON, true)).thenReturn(accesses);

		assertThat(actions.disclose(PERSON, true)).isEqualTo(accesses);
		assertThat(recorded()).isEqualTo(AuditEvent.of(AuditAction.AUDIT_DISCLOSURE, AUDITOR).person(PERSON)
			.purpose("officers-named"));
	}
}
