package org.loive.workflow;

import org.loive.access.Agency;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.loive.access.Agency.COMMUNE;
import static org.loive.access.Agency.EDUCATION;
import static org.loive.access.Agency.FOREIGN_AFFAIRS;
import static org.loive.access.Agency.HEALTH;
import static org.loive.access.Agency.LABOUR;
import static org.loive.access.Agency.LEGAL_AID;
import static org.loive.access.Agency.SOCIAL_POLICY_BANK;
import static org.loive.access.Agency.WOMENS_UNION;
import static org.loive.access.Agency.YOUTH_UNION;

/**
 * The support services of Art 37 Law 53/2024/QH15 and the agencies that may provide each, as the provincial plans
 * name them (schooling through education; vocational training and jobs through labour, the Women's Union or the
 * Youth Union; allowance and loans through the Bank for Social Policies or the Women's Union). The first
 * candidate is the default provider.
 */
public enum SupportService {

	A("a", "Hỗ trợ nhu cầu thiết yếu", "Essential needs", HEALTH),
	B("b", "Hỗ trợ y tế", "Medical care", HEALTH),
	C("c", "Hỗ trợ phiên dịch", "Interpreting", FOREIGN_AFFAIRS),
	D("d", "Thông tin pháp luật", "Legal information", LEGAL_AID),
	DD("dd", "Trợ giúp pháp lý", "Legal aid", LEGAL_AID),
	E("e", "Chi phí đi lại về nơi cư trú", "Travel costs home", COMMUNE),
	G("g", "Hỗ trợ tâm lý", "Psychological support", HEALTH),
	H("h", "Hỗ trợ học văn hóa", "Schooling", EDUCATION),
	I("i", "Học nghề, tư vấn việc làm", "Vocational training and job counselling", LABOUR, WOMENS_UNION, YOUTH_UNION),
	K("k", "Trợ cấp khó khăn ban đầu, vay vốn", "Initial hardship allowance and loans", SOCIAL_POLICY_BANK,
			WOMENS_UNION);

	private final String code;
	private final String nameVi;
	private final String nameEn;
	private final List<Agency> providers;

	SupportService(String code, String nameVi, String nameEn, Agency... providers) {
		this.code = code;
		this.nameVi = nameVi;
		this.nameEn = nameEn;
		this.providers = List.of(providers);
	}

	public String code() {
		return code;
	}

	public String label() {
		return nameVi + " / " + nameEn;
	}

	/** The name in the user's language: English when asked for, Vietnamese otherwise. */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameVi;
	}

	/** The candidate providers, the default first. */
	public List<Agency> providers() {
		return providers;
	}

	public Agency defaultProvider() {
		return providers.get(0);
	}

	/** Whether the agency of this group is a candidate provider of the service. */
	public boolean providedBy(String group) {
		return providers.stream().anyMatch(agency -> agency.group().equals(group));
	}

	public static Optional<SupportService> ofCode(String code) {
		return Arrays.stream(values()).filter(service -> service.code.equals(code)).findFirst();
	}
}
