package dev.ascendcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationIntegrationTests {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void startsOnAnEmptyDatabase() {
        assertThat(context.getBeanDefinitionCount()).isPositive();
        assertThat(port).isPositive();
    }
}
