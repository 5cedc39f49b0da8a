package dev.ascendcp.inventory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

    /** Fails the start when {@code ASCENDCP_MASTER_KEY} or the key file is not 32 bytes of base64. */
    @Bean
    SecretCipher secretCipher(InventoryProperties properties, Environment environment) {
        byte[] key = MasterKeyLoader.load(environment.getProperty("ASCENDCP_MASTER_KEY"), properties.masterKeyFile());
        try {
            return new SecretCipher(key);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }
}
