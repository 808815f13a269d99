package org.loive.cases;

/**
 * What kind of report opened the case: the plans' target counts denunciations (tố giác), reports of a crime
 * (tin báo) and petitions to prosecute (kiến nghị khởi tố) received and classified; a person returned from
 * abroad and other matters are counted apart.
 */
enum ReportKind { DENUNCIATION, CRIME_REPORT, PROSECUTION_PETITION, PERSON_RETURNED, OTHER }
