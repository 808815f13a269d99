package org.loive.cases;

/** Whether the person was trafficked inside Vietnam or across its borders. */
enum TraffickingScope { DOMESTIC, CROSS_BORDER }
