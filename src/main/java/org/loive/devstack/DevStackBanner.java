package org.loive.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.nio.file.Path;
import java.time.Duration;

/** Once everything answers, tells the developer where to log in and as whom. */
class DevStackBanner implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(DevStackBanner.class);

	private final KeycloakServer keycloak;
	private final DevStackProperties dev;
	private final boolean embeddedDatabase;

	DevStackBanner(KeycloakServer keycloak, DevStackProperties dev, boolean embeddedDatabase) {
		this.keycloak = keycloak;
		this.dev = dev;
		this.embeddedDatabase = embeddedDatabase;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		keycloak.awaitReady(Duration.ofMinutes(3));
		log.info("""

				==================== Lối Về đã sẵn sàng / Lối Về is ready ====================
				  Mở / open  {}  và đăng nhập / and log in:  police.qng / demo
				  Camunda Cockpit (kỹ thuật / technical):  {}/camunda/app/cockpit/
				  API (OpenAPI):                {}/v3/api-docs   ·   {}/swagger-ui.html
				  Keycloak, realm loive:        {}/realms/loive/account
				  Keycloak admin console:       {}/admin   (admin, mật khẩu trong / password in {})
				  Người dùng mẫu / demo users (mật khẩu / password "demo"):
				    police.qng  border.qng  health.qng  legalaid.qng  commune.qng  foreignaffairs.qng   (cán bộ / caseworkers, QNG)
				    education.qng  labour.qng  womensunion.qng  youthunion.qng  socialbank.qng   (cơ sở cung cấp dịch vụ / providers, QNG)
				    procuracy.qng  court.qng   (viện kiểm sát, tòa án / procuracy, court, QNG: vụ án hình sự / criminal cases)
				    supervisor.qng (lãnh đạo / supervisor)   auditor (thanh tra)   admin   police.gli (GLI)
				  Lấy token / get a token:
				    curl -d client_id=loive-cli -d grant_type=password -d username=police.qng -d password=demo \\
				      {}/realms/loive/protocol/openid-connect/token
				  PostgreSQL: {}
				==============================================================================""",
				dev.appUrl(), dev.appUrl(), dev.appUrl(), dev.appUrl(), keycloak.url(), keycloak.url(),
				dev.dataDirectory().resolve("keycloak-admin-password"), keycloak.url(), database());
	}

	private String database() {
		if (dev.secondNode()) {
			return ("127.0.0.1:%d của nút thứ nhất / of the first node. Nút thứ hai: đăng nhập ở nút thứ nhất, phiên dùng "
					+ "được ở đây / Second node: log in on the first node (Keycloak knows its address only), the session "
					+ "is valid here").formatted(dev.databasePort());
		}
		if (!embeddedDatabase) {
			return "LOIVE_DB_URL (ngoài / external)";
		}
		Path postgres = dev.dataDirectory().resolve("postgres").toAbsolutePath();
		return ("127.0.0.1:%d, database %s, user %s (ứng dụng / application), %s (chủ sở hữu / owner), postgres "
				+ "(quản trị, mật khẩu trong / superuser, password in %s) (dữ liệu / data in %s)")
			.formatted(dev.databasePort(), DevStackConfiguration.OWNER.database(), DevStackConfiguration.RUNTIME.user(),
					DevStackConfiguration.OWNER.user(), postgres.resolve(EmbeddedDatabase.SUPERUSER_PASSWORD_FILE), postgres);
	}
}
