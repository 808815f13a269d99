package org.loive.vault;

/** What two persons were found to share, through the blind indexes. */
public enum MatchKind { ID_NUMBER, PHONE, NAME_AND_BIRTH_DATE }
