package org.loive.criminal;

/** What the case is prosecuted for: an article of the Penal Code (Bộ luật Hình sự 2015). */
public enum Charge {
	/** Điều 150: mua bán người / trafficking in persons */
	ARTICLE_150,
	/** Điều 151: mua bán người dưới 16 tuổi / trafficking in persons under 16 */
	ARTICLE_151
}
