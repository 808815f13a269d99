package benchmark.bare;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load test's bare engine (docs/benchmarks.md, "Load test"): Camunda's Spring Boot starter with its REST API and
 * no security, deploying Lối Về's own BPMN and DMN, every bean the BPMN names a no-op. It runs as a JVM of its own
 * ({@code benchmark.LoadStack} starts it) with its own configuration name, so none of Lối Về's configuration,
 * security, migrations or sessions apply; only the engine's work is left to compare with.
 */
@SpringBootApplication(excludeName = {
		"org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
		"org.springframework.boot.autoconfigure.session.SessionAutoConfiguration",
		"org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration",
		"org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration" })
class BareEngine {

	/** Beans the BPMN calls a method of, with what the method must return; delegates are found in the BPMN. */
	static final Set<String> CALLED_BEANS = Set.of("stepDeadlines", "supportServices");
	private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
	private static final Pattern CALL = Pattern.compile("\\$\\{!?(\\w+)\\.\\w+\\(");

	/** {@code --server.port}, {@code --spring.datasource.url|username|password} come as arguments. */
	public static void main(String[] args) {
		new SpringApplicationBuilder(BareEngine.class)
			.properties(Map.ofEntries(Map.entry("spring.config.name", "bare-engine"),
					Map.entry("camunda.bpm.database.schema-update", "true"),
					Map.entry("camunda.bpm.database.type", "postgres"),
					// as Lối Về's engine: the same history, serialisation, job executor and deployment
					Map.entry("camunda.bpm.history-level", "full"),
					Map.entry("camunda.bpm.default-serialization-format", "application/json"),
					Map.entry("camunda.bpm.auto-deployment-enabled", "true"),
					Map.entry("camunda.bpm.deployment-resource-pattern", "classpath*:bpmn/**/*.bpmn,classpath*:bpmn/**/*.dmn"),
					Map.entry("camunda.bpm.generic-properties.properties.enforceHistoryTimeToLive", "true"),
					Map.entry("camunda.bpm.job-execution.enabled", "true"),
					Map.entry("camunda.bpm.job-execution.deployment-aware", "false"),
					Map.entry("camunda.bpm.metrics.enabled", "false"),
					Map.entry("springdoc.api-docs.enabled", "false"),
					Map.entry("management.endpoints.web.exposure.include", "health"),
					// logback-spring.xml on this classpath is Lối Về's: JSON lines, as its nodes log
					Map.entry("logging.structured.format.console", "ecs")))
			.run(args);
	}

	/** Registers a no-op under every name a {@code camunda:delegateExpression} of the deployed BPMN uses. */
	@Bean
	static BeanDefinitionRegistryPostProcessor noOpDelegates() {
		return new BeanDefinitionRegistryPostProcessor() {
			@Override
			public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
				String bpmn = deployedBpmn();
				Set<String> called = names(CALL, bpmn);
				called.remove("execution");
				if (!CALLED_BEANS.containsAll(called)) {
					throw new IllegalStateException("BPMN gọi bean chưa có bản rỗng / the BPMN calls beans without a no-op: "
							+ called);
				}
				names(DELEGATE, bpmn).forEach(name -> registry.registerBeanDefinition(name, new RootBeanDefinition(NoOp.class)));
			}

			@Override
			public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			}
		};
	}

	@Bean
	Deadlines stepDeadlines() {
		return new Deadlines();
	}

	@Bean
	Services supportServices() {
		return new Services();
	}

	static String deployedBpmn() {
		try {
			StringBuilder all = new StringBuilder();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
				all.append(resource.getContentAsString(StandardCharsets.UTF_8));
			}
			return all.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Set<String> names(Pattern pattern, String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/** A service task, an execution or a task listener that does nothing. */
	static class NoOp implements JavaDelegate, ExecutionListener, TaskListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}
	}

	/** {@code stepDeadlines.dueDate(execution, step)}: a week from now, so that no overdue timer fires in a run. */
	public static class Deadlines {

		public Date dueDate(DelegateExecution execution, String step) {
			return Date.from(Instant.now().plus(Duration.ofDays(7)));
		}
	}

	/** {@code supportServices}: the provider of every service is the health department; nothing is planned. */
	public static class Services {

		public String provider(String code) {
			return "health";
		}

		public void assignPlanned(DelegateExecution referral) {
		}
	}
}
