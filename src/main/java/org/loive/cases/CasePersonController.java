package org.loive.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.loive.access.Agency;
import org.loive.access.Officer;
import org.loive.access.VictimDataAccess;
import org.loive.platform.InvalidRequestException;
import org.loive.platform.web.ChoicesFrom;
import org.loive.vault.Consents;
import org.loive.vault.ErasureReason;
import org.loive.vault.PersonalData;
import org.loive.vault.Section;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/cases/{caseId}/persons")
@Tag(name = "Người trong hồ sơ / Persons of a case", description = "Dữ liệu cá nhân, mã hóa theo phần / Personal data, encrypted by section")
class CasePersonController {

	record NewPerson(@Schema(description = "RELATIVE hoặc ACCOMPANYING_MINOR") @NotNull(message = "validation.required") CasePersons.Role role,
			@NotNull(message = "validation.required") @Valid PersonRequest person) {
	}

	record AddedPerson(UUID personId) {
	}

	record Erasure(@NotNull(message = "validation.required") ErasureReason reason) {
	}

	record ConsentRequest(@NotNull(message = "validation.required") Consents.Purpose purpose,
			@NotNull(message = "validation.required") @ChoicesFrom("agencies") Agency recipientAgency,
			@NotEmpty(message = "validation.required") @ChoicesFrom("sections") Set<@NotNull(message = "validation.required") Section> sections) {
	}

	record BreakGlass(@NotEmpty(message = "validation.required") @ChoicesFrom("sections") Set<@NotNull(message = "validation.required") Section> sections,
			@NotNull(message = "validation.required") VictimDataAccess.BreakGlassReason reason,
			@Schema(description = "Số văn bản, quyết định, yêu cầu / Number of the decision or request", example = "123/QĐ-CA")
			@Pattern(regexp = "^[\\p{L}0-9/._-]{1,64}$", message = "validation.reference") String reference) {
	}

	private final CasePersonRecords records;

	CasePersonController(CasePersonRecords records) {
		this.records = records;
	}

	@GetMapping("/{personId}")
	@Operation(summary = "Đọc các phần dữ liệu của một người / Read sections of a person's data",
			description = "sections: identity, contact, narrative, health, legal (phân tách bằng dấu phẩy / comma separated)")
	CasePersonRecords.PersonView read(@PathVariable UUID caseId, @PathVariable UUID personId,
			@RequestParam String sections, @Parameter(hidden = true) Officer officer) {
		return records.read(caseId, personId, sections(sections), officer);
	}

	@PostMapping("/{personId}/break-glass")
	@Operation(summary = "Lãnh đạo đọc dữ liệu khi có lý do chính đáng, được đánh dấu để thanh tra / "
			+ "A supervisor's read with a stated reason, flagged for the auditors' review")
	CasePersonRecords.PersonView breakGlass(@PathVariable UUID caseId, @PathVariable UUID personId,
			@Valid @RequestBody BreakGlass body, @Parameter(hidden = true) Officer officer) {
		return records.breakGlass(caseId, personId, body.sections(), body.reason(), body.reference(), officer);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Thêm người thân, người đi cùng / Add a relative or an accompanying minor")
	AddedPerson add(@PathVariable UUID caseId, @Valid @RequestBody NewPerson body, @Parameter(hidden = true) Officer officer) {
		return new AddedPerson(records.add(caseId, body.role(), body.person(), officer));
	}

	@PutMapping("/{personId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Ghi các phần dữ liệu có trong nội dung; phần khác giữ nguyên / Write the sections given; others stay")
	void write(@PathVariable UUID caseId, @PathVariable UUID personId, @Valid @RequestBody PersonalData body,
			@Parameter(hidden = true) Officer officer) {
		if (body.equals(PersonalData.empty())) {
			throw new InvalidRequestException(List.of(new InvalidRequestException.Rejection("data", "validation.section-required")));
		}
		records.write(caseId, personId, body, officer);
	}

	@PostMapping("/{personId}/erasure")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Xóa vĩnh viễn dữ liệu một người (hủy khóa) / Erase a person's data for good (crypto-shredding)")
	void erase(@PathVariable UUID caseId, @PathVariable UUID personId, @Valid @RequestBody Erasure body,
			@Parameter(hidden = true) Officer officer) {
		records.erase(caseId, personId, body.reason(), officer);
	}

	@GetMapping("/{personId}/consents")
	@Operation(summary = "Các lần đồng ý chia sẻ / Consents to share")
	List<Consents.Consent> consents(@PathVariable UUID caseId, @PathVariable UUID personId,
			@Parameter(hidden = true) Officer officer) {
		return records.consents(caseId, personId, officer);
	}

	@PostMapping("/{personId}/consents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ghi nhận đồng ý chia sẻ / Record a consent to share")
	Consents.Consent grant(@PathVariable UUID caseId, @PathVariable UUID personId, @Valid @RequestBody ConsentRequest body,
			@Parameter(hidden = true) Officer officer) {
		return records.grant(caseId, personId, body.purpose(), body.recipientAgency(), body.sections(), officer);
	}

	@PostMapping("/{personId}/consents/{consentId}/withdrawal")
	@Operation(summary = "Rút lại một lần đồng ý / Withdraw a consent")
	Consents.Consent withdraw(@PathVariable UUID caseId, @PathVariable UUID personId, @PathVariable UUID consentId,
			@Parameter(hidden = true) Officer officer) {
		return records.withdraw(caseId, personId, consentId, officer);
	}

	/** The sections named by their codes; 400 for a code that names none. */
	static Set<Section> sections(String codes) {
		Set<Section> sections = EnumSet.noneOf(Section.class);
		for (String code : codes.split(",")) {
			sections.add(Section.ofCode(code.strip()).orElseThrow(() -> new InvalidRequestException(
					List.of(new InvalidRequestException.Rejection("sections", "validation.sections")))));
		}
		return sections;
	}
}
