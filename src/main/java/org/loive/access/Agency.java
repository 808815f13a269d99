package org.loive.access;

import java.util.Arrays;
import java.util.Optional;

/** The agencies of the mechanism, each a Keycloak group and a BPMN candidate group of the same id. */
public enum Agency {

	POLICE("police", "Công an", "Police"),
	BORDER_GUARD("border-guard", "Bộ đội Biên phòng", "Border guard"),
	HEALTH("health", "Sở Y tế, cơ sở trợ giúp xã hội", "Health department, social assistance"),
	LEGAL_AID("legal-aid", "Trợ giúp pháp lý", "Legal aid"),
	COMMUNE("commune", "UBND xã", "Commune People's Committee"),
	FOREIGN_AFFAIRS("foreign-affairs", "Ngoại vụ", "Foreign affairs"),
	// support providers the plans name (issue 11, point 11): schooling, vocational training and jobs, loans
	EDUCATION("education", "Sở Giáo dục và Đào tạo", "Education department"),
	LABOUR("labour", "Sở Nội vụ (lao động, việc làm)", "Home affairs department (labour, employment)"),
	WOMENS_UNION("womens-union", "Hội Liên hiệp Phụ nữ", "Women's Union"),
	YOUTH_UNION("youth-union", "Đoàn Thanh niên", "Youth Union"),
	SOCIAL_POLICY_BANK("social-policy-bank", "Ngân hàng Chính sách xã hội", "Bank for Social Policies"),
	// the justice agencies that record criminal cases besides the police
	PROCURACY("procuracy", "Viện kiểm sát nhân dân", "People's Procuracy"),
	COURT("court", "Tòa án nhân dân", "People's Court");

	private final String group;
	private final String nameVi;
	private final String nameEn;

	Agency(String group, String nameVi, String nameEn) {
		this.group = group;
		this.nameVi = nameVi;
		this.nameEn = nameEn;
	}

	public String group() {
		return group;
	}

	/** "Vietnamese / English", as every label shows. */
	public String label() {
		return nameVi + " / " + nameEn;
	}

	public static Optional<Agency> ofGroup(String group) {
		return Arrays.stream(values()).filter(agency -> agency.group.equals(group)).findFirst();
	}
}
