package org.loive.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.loive.support.Caseworker;
import org.loive.support.IntegrationTest;
import org.loive.support.TestKeycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's first case, its lines run by bash exactly as written, only the ports those of the test stack. */
class ReadmeExampleIT extends IntegrationTest {

	static final String OPENING = "A first case from the command line";

	@Test
	void theReadmesFirstCaseRunsAsWritten() throws IOException, InterruptedException {
		String script = example().replace("http://localhost:8080", BASE)
			.replace("http://localhost:8180", TestKeycloak.get().url());

		Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
		assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the example finishes").isTrue();
		String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

		assertThat(bash.exitValue()).as(output).isZero();
		JsonNode completed = new ObjectMapper().readTree(output.strip());
		assertThat(completed.get("completedBy").asText()).isEqualTo("police.qng");
		JsonNode view = Caseworker.as("police.qng").caseView(completed.get("caseId").asText());
		assertThat(view.get("completedSteps").findValuesAsText("taskKey")).contains("Task_Classify");
	}

	/** The bash block that follows the sentence introducing it. */
	private static String example() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int intro = readme.indexOf(OPENING);
		assertThat(intro).as("README.md introduces its first case").isPositive();
		int start = readme.indexOf("```bash\n", intro) + "```bash\n".length();
		return readme.substring(start, readme.indexOf("\n```", start));
	}
}
