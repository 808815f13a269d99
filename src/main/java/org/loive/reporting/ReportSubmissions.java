package org.loive.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.loive.audit.AuditAction;
import org.loive.audit.AuditEvent;
import org.loive.audit.AuditLog;
import org.loive.audit.SealedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reports submitted to the steering committee, frozen: their parameters, the figures as they left the province
 * and the DOCX, sealed by one SHA-256 that the audit event recording the submission carries, so that the audit
 * verifier finds any change ({@link SealedRecords}). Rows are only ever added: a correction is a new version.
 */
@Repository
class ReportSubmissions implements SealedRecords {

	/** A submission without its content. {@code firstSubmittedAt}: when the period's first version was submitted. */
	record Summary(UUID id, String province, String obligation, ReportPeriod period, int version, Instant submittedAt,
			Instant firstSubmittedAt, String submittedBy, String documentNo, String reason, String sha256, long auditSeq) {

		String key() {
			return obligation + "|" + period.from() + "|" + period.to();
		}
	}

	/** What is frozen: who submits which version of which report, the figures and the rendering. */
	record Draft(UUID id, String province, String obligation, ReportPeriod period, int version, Instant submittedAt,
			AuditEvent.Actor submittedBy, String documentNo, String reason, SmallCellReport figures, byte[] rendering) {
	}

	private static final String SUMMARY = """
			select s.id, s.province, s.obligation, s.period_kind, s.period_from, s.period_to, s.version, s.submitted_at,
			       s.submitted_by, s.document_no, s.reason, s.sha256, s.audit_seq,
			       (select min(f.submitted_at) from report_submission f where f.province = s.province
			        and f.obligation = s.obligation and f.period_from = s.period_from and f.period_to = s.period_to) first_at
			from report_submission s
			""";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final ObjectMapper json;

	ReportSubmissions(JdbcClient jdbc, AuditLog audit, ObjectMapper json) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.json = json;
	}

	/** Freezes a draft: its seal goes into the audit chain in the same transaction as the row. */
	Summary freeze(Draft draft) {
		String parameters = write(parameters(draft));
		String figures = write(draft.figures());
		String sha256 = sha256(parameters, figures, draft.rendering());
		long seq = audit.recordChained(AuditEvent.of(AuditAction.REPORT_SUBMIT, draft.submittedBy())
			.purpose(SealedRecords.purpose("report:" + draft.id() + ":v" + draft.version(), sha256)));
		jdbc.sql("""
				insert into report_submission (id, province, obligation, period_kind, period_from, period_to, version,
				    submitted_at, submitted_by, document_no, reason, parameters, figures, rendering, sha256, audit_seq)
				values (:id, :province, :obligation, :kind, :from, :to, :version, :at, :by, :number, :reason,
				    :parameters, :figures, :rendering, :sha256, :seq)""")
			.param("id", draft.id())
			.param("province", draft.province())
			.param("obligation", draft.obligation())
			.param("kind", draft.period().kind().name())
			.param("from", draft.period().from())
			.param("to", draft.period().to())
			.param("version", draft.version())
			.param("at", Timestamp.from(draft.submittedAt()))
			.param("by", draft.submittedBy().username())
			.param("number", draft.documentNo())
			.param("reason", draft.reason())
			.param("parameters", parameters)
			.param("figures", figures)
			.param("rendering", draft.rendering())
			.param("sha256", sha256)
			.param("seq", seq)
			.update();
		return find(draft.id()).orElseThrow();
	}

	Optional<Summary> find(UUID id) {
		return jdbc.sql(SUMMARY + " where s.id = :id").param("id", id).query(ReportSubmissions::summary).optional();
	}

	/** The province's submissions, latest first; {@code null}: every province's. */
	List<Summary> of(String province) {
		return jdbc.sql(SUMMARY + " where :province::varchar is null or s.province = :province order by s.submitted_at desc limit 500")
			.param("province", province)
			.query(ReportSubmissions::summary)
			.list();
	}

	/** Every version of the report a submission is a version of, first first. */
	List<Summary> versions(Summary submission) {
		return jdbc.sql(SUMMARY + """
				 where s.province = :province and s.obligation = :obligation and s.period_from = :from and s.period_to = :to
				order by s.version""")
			.param("province", submission.province())
			.param("obligation", submission.obligation())
			.param("from", submission.period().from())
			.param("to", submission.period().to())
			.query(ReportSubmissions::summary)
			.list();
	}

	/** The latest version of each report the province submitted, by {@link Summary#key()}. */
	Map<String, Summary> latestOf(String province) {
		return of(province).stream().collect(Collectors.toMap(Summary::key, summary -> summary,
				(a, b) -> a.version() >= b.version() ? a : b));
	}

	/** The latest version submitted of an obligation's report for a period, 0 if none. */
	int latestVersion(String province, String obligation, ReportPeriod period) {
		return jdbc.sql("""
				select coalesce(max(version), 0) from report_submission
				where province = :province and obligation = :obligation and period_from = :from and period_to = :to""")
			.param("province", province)
			.param("obligation", obligation)
			.param("from", period.from())
			.param("to", period.to())
			.query(Integer.class)
			.single();
	}

	/** The frozen figures, as they left the province. */
	Optional<SmallCellReport> figures(UUID id) {
		return jdbc.sql("select figures from report_submission where id = :id").param("id", id)
			.query(String.class).optional().map(this::read);
	}

	/** The frozen DOCX. */
	Optional<byte[]> rendering(UUID id) {
		return jdbc.sql("select rendering from report_submission where id = :id").param("id", id)
			.query((row, n) -> row.getBytes(1)).optional();
	}

	/** A submission's hash recomputed from what is stored now. */
	Optional<String> seal(UUID id) {
		return jdbc.sql("select parameters, figures, rendering from report_submission where id = :id").param("id", id)
			.query((row, n) -> sha256(row.getString("parameters"), row.getString("figures"), row.getBytes("rendering")))
			.optional();
	}

	/** Each submission's hash recomputed from what is stored, for the audit verifier. */
	@Override
	public Stream<Seal> seals() {
		return jdbc.sql("select audit_seq, parameters, figures, rendering from report_submission order by audit_seq")
			.query((row, n) -> new Seal(row.getLong("audit_seq"),
					sha256(row.getString("parameters"), row.getString("figures"), row.getBytes("rendering"))))
			.stream();
	}

	/** One hash over the three frozen parts, each length-prefixed so that no byte can move from one to the next. */
	static String sha256(String parameters, String figures, byte[] rendering) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (byte[] part : List.of(parameters.getBytes(StandardCharsets.UTF_8), figures.getBytes(StandardCharsets.UTF_8),
					rendering)) {
				digest.update((part.length + ":").getBytes(StandardCharsets.US_ASCII));
				digest.update(part);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	private static Map<String, Object> parameters(Draft draft) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("id", draft.id().toString());
		parameters.put("province", draft.province());
		parameters.put("obligation", draft.obligation());
		parameters.put("period", draft.period());
		parameters.put("version", draft.version());
		parameters.put("submittedAt", draft.submittedAt().toString());
		parameters.put("submittedBy", draft.submittedBy().username());
		parameters.put("documentNo", draft.documentNo());
		parameters.put("reason", draft.reason());
		return parameters;
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("a report's figures are plain records", e);
		}
	}

	private SmallCellReport read(String figures) {
		try {
			return json.readValue(figures, SmallCellReport.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("stored figures no longer read as a report", e);
		}
	}

	private static Summary summary(ResultSet row, int n) throws SQLException {
		return new Summary(row.getObject("id", UUID.class), row.getString("province"), row.getString("obligation"),
				new ReportPeriod(ReportPeriod.Kind.valueOf(row.getString("period_kind")),
						row.getDate("period_from").toLocalDate(), row.getDate("period_to").toLocalDate()),
				row.getInt("version"), row.getTimestamp("submitted_at").toInstant(),
				row.getTimestamp("first_at").toInstant(), row.getString("submitted_by"), row.getString("document_no"),
				row.getString("reason"), row.getString("sha256"), row.getLong("audit_seq"));
	}
}
