package org.loive.vault;

/** Why a person's data was crypto-shredded. */
public enum ErasureReason { RETENTION_ENDED, LAWFUL_REQUEST }
