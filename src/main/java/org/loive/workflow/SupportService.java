package org.loive.workflow;

import org.loive.access.Agency;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The support services of Art 37 Law 53/2024/QH15 and the agency that provides each by default. */
public enum SupportService {

	A("a", "Hỗ trợ nhu cầu thiết yếu", "Essential needs", Agency.HEALTH),
	B("b", "Hỗ trợ y tế", "Medical care", Agency.HEALTH),
	C("c", "Hỗ trợ phiên dịch", "Interpreting", Agency.FOREIGN_AFFAIRS),
	D("d", "Thông tin pháp luật", "Legal information", Agency.LEGAL_AID),
	DD("dd", "Trợ giúp pháp lý", "Legal aid", Agency.LEGAL_AID),
	E("e", "Chi phí đi lại về nơi cư trú", "Travel costs home", Agency.COMMUNE),
	G("g", "Hỗ trợ tâm lý", "Psychological support", Agency.HEALTH),
	H("h", "Hỗ trợ học văn hóa", "Schooling", Agency.COMMUNE),
	I("i", "Học nghề, tư vấn việc làm", "Vocational training and job counselling", Agency.COMMUNE),
	K("k", "Trợ cấp khó khăn ban đầu, vay vốn", "Initial hardship allowance and loans", Agency.COMMUNE);

	private final String code;
	private final String nameVi;
	private final String nameEn;
	private final Agency provider;

	SupportService(String code, String nameVi, String nameEn, Agency provider) {
		this.code = code;
		this.nameVi = nameVi;
		this.nameEn = nameEn;
		this.provider = provider;
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

	public Agency provider() {
		return provider;
	}

	public static Optional<SupportService> ofCode(String code) {
		return Arrays.stream(values()).filter(service -> service.code.equals(code)).findFirst();
	}
}
