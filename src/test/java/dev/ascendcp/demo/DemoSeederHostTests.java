package dev.ascendcp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which host the demo seeder registers for a simulated node's SSH address. */
class DemoSeederHostTests {

    @Test
    void aWildcardBecomesTheLoopbackOfItsFamily() {
        assertThat(DemoSeeder.registeredHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(DemoSeeder.registeredHost("::")).isEqualTo("::1");
        assertThat(DemoSeeder.registeredHost("0:0:0:0:0:0:0:0")).isEqualTo("::1");
        assertThat(DemoSeeder.registeredHost("[::]")).isEqualTo("::1");
    }

    @Test
    void aSpecificAddressOrNameIsKept() {
        assertThat(DemoSeeder.registeredHost("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(DemoSeeder.registeredHost("10.20.30.40")).isEqualTo("10.20.30.40");
        assertThat(DemoSeeder.registeredHost("::1")).isEqualTo("::1");
        assertThat(DemoSeeder.registeredHost("fe80::1")).isEqualTo("fe80::1");
        assertThat(DemoSeeder.registeredHost("sim.example")).isEqualTo("sim.example");
        // looks numeric but is not a valid literal: kept, never looked up
        assertThat(DemoSeeder.registeredHost("0.0.0")).isEqualTo("0.0.0");
    }
}
