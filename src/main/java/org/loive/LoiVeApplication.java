package org.loive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Lối Về: the secure victim-referral workflow engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LoiVeApplication {

	public static void main(String[] args) {
		SpringApplication.run(LoiVeApplication.class, args);
	}
}
