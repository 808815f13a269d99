package org.loive.cases;

import org.junit.jupiter.api.Test;
import org.loive.platform.ApiException;
import org.loive.workflow.ReferralProcess;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The current steps marked inside the SVG itself: a class on their shapes, the style sheet after the opening tag. */
class CaseDiagramsTest {

	static final String SVG = """
			<?xml version="1.0" encoding="utf-8"?>
			<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g class="djs-group">\
			<g class="djs-element djs-shape" data-element-id="Task_Classify" style="display: block;"><g class="djs-visual"><rect/></g></g>\
			<g class="djs-element djs-shape" data-element-id="Task_Classify_label"><text/></g>\
			<g data-element-id="Task_Identify"><rect/></g></g></svg>""";

	@Test
	void marksTheShapeOfEachCurrentStepAndAddsTheStyleSheetOnce() {
		String marked = CaseDiagrams.mark(SVG, List.of("Task_Classify", "Task_Identify"));
		assertThat(marked).contains("<g class=\"" + CaseDiagrams.CURRENT + " djs-element djs-shape\" data-element-id=\"Task_Classify\"")
			.contains("<g class=\"" + CaseDiagrams.CURRENT + "\" data-element-id=\"Task_Identify\"")
			.contains("<g class=\"djs-element djs-shape\" data-element-id=\"Task_Classify_label\"")
			.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">" + CaseDiagrams.STYLE);
		assertThat(marked.split("<style>", -1)).hasSize(2);
	}

	@Test
	void leavesOtherStepsAndUnknownOrMalformedKeysAlone() {
		String marked = CaseDiagrams.mark(SVG, List.of("Task_Unknown", "\"><script>", "Task_Classify_label\" x=\""));
		assertThat(marked).doesNotContain("class=\"" + CaseDiagrams.CURRENT).doesNotContain("<script>");
		assertThat(marked.replace(CaseDiagrams.STYLE, "")).isEqualTo(SVG);
	}

	@Test
	void theBuildsDiagramOfTheMainProcessHasEveryMarkedStep() {
		String marked = new CaseDiagrams().marked(ReferralProcess.KEY, List.of(ReferralProcess.CLASSIFY,
				ReferralProcess.INITIAL_VERIFICATION));
		assertThat(marked).containsPattern("<g class=\"" + CaseDiagrams.CURRENT + " [^\"]*\" data-element-id=\"Task_Classify\"")
			.containsPattern("<g class=\"" + CaseDiagrams.CURRENT + " [^\"]*\" data-element-id=\"Task_InitialVerification\"")
			.contains(CaseDiagrams.STYLE);
	}

	@Test
	void noDiagramOutsideTheClasspathFolder() {
		assertThatThrownBy(() -> new CaseDiagrams().marked("../application", List.of())).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> new CaseDiagrams().marked("no-such-process", List.of())).isInstanceOf(ApiException.class);
	}
}
