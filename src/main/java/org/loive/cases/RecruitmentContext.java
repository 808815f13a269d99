package org.loive.cases;

/**
 * How the person came to be trafficked, the plans' "nguyên nhân bị mua bán" (several per case): looking for
 * work, through a firm sending workers abroad, marriage with a foreigner, adoption, surrogacy, study abroad,
 * contact made online, leaving the country illegally, abduction, other, not known.
 */
enum RecruitmentContext {
	LABOUR_MIGRATION, LABOUR_EXPORT_FIRM, FOREIGN_MARRIAGE, ADOPTION, SURROGACY, STUDY_ABROAD, ONLINE_CONTACT,
	ILLEGAL_EMIGRATION, ABDUCTION, OTHER, UNKNOWN
}
