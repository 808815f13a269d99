package org.loive.criminal;

import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The {@link CriminalCaseEvents} of every existing criminal case, rebuilt from its tables for the reports' rebuild:
 * the milestones, and the links to referral cases that are still there (an unlinked one left no trace).
 */
@Component
public class CriminalCaseHistory {

	private final CriminalCaseRecords records;

	CriminalCaseHistory(CriminalCaseRecords records) {
		this.records = records;
	}

	public List<CriminalCaseEvents.MilestoneRecorded> milestones() {
		return records.allMilestones();
	}

	public List<CriminalCaseEvents.ReferralLinked> links() {
		return records.allLinks();
	}
}
