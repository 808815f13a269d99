package org.loive.intake;

/** Whether the person was trafficked inside Vietnam or across its borders. */
enum TraffickingScope { DOMESTIC, CROSS_BORDER }
