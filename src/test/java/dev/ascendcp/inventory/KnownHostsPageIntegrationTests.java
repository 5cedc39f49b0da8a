package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.admin;
import static dev.ascendcp.inventory.InventoryFixtures.createCredential;
import static dev.ascendcp.inventory.InventoryFixtures.nodeJson;
import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.unique;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ascendcp.ssh.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The known_hosts page: an ADMIN uploads or pastes a file and reads what each line did. */
@SpringBootTest
@AutoConfigureMockMvc
class KnownHostsPageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    @Test
    void onlyAnAdminSeesThePageAndItsLinkFromTheNodeList() throws Exception {
        mvc.perform(get("/nodes").with(admin()))
                .andExpect(content().string(containsString("href=\"/nodes/known-hosts\"")));
        mvc.perform(get("/nodes").with(operator()))
                .andExpect(content().string(not(containsString("href=\"/nodes/known-hosts\""))));
        mvc.perform(get("/nodes/known-hosts").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pin host keys from known_hosts")))
                .andExpect(content().string(containsString("hx-post=\"/nodes/known-hosts\"")));
        for (var who : java.util.List.of(viewer(), operator())) {
            mvc.perform(get("/nodes/known-hosts").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/nodes/known-hosts").with(who).with(csrf()).param("text", "x"))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void anUploadedFilePinsMatchingNodesAndNamesWhatIsWrongWithEveryOtherLine() throws Exception {
        String host = "10.31." + ThreadLocalRandom.current().nextInt(1, 250) + "."
                + ThreadLocalRandom.current().nextInt(1, 250);
        String name = unique("kh");
        String node = InventoryFixtures.id(
                mvc,
                "/api/v1/nodes",
                nodeJson(name, host, createCredential(mvc)).replace("}}", "},\"hostKeyPolicy\":\"STRICT\"}"));
        String[] key = hostKey();
        String fingerprint = PublicKeys.fingerprint(key[1]);
        String file = String.join(
                "\n",
                "# collected with ssh-keyscan",
                host + " " + key[0] + " " + key[1],
                "10.250.250.250 " + key[0] + " " + key[1],
                host + " " + key[0] + " AAAA$(touch /tmp/pwned)`id`",
                host + " <img/src=x> " + key[1],
                "@cert-authority *.example.com " + key[0] + " " + key[1],
                "");

        mvc.perform(multipart("/nodes/known-hosts")
                        .file(new MockMultipartFile(
                                "file", "known_hosts", "text/plain", file.getBytes(StandardCharsets.UTF_8)))
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("1 key(s) pinned from 5 key line(s).")))
                .andExpect(content().string(containsString(fingerprint)))
                .andExpect(content().string(containsString("href=\"/nodes/" + node + "\"")))
                .andExpect(content().string(containsString(">PINNED<")))
                .andExpect(content().string(containsString(">NO_MATCH<")))
                .andExpect(content().string(containsString("No node or jump host has this address.")))
                .andExpect(content().string(containsString("the key is not base64")))
                .andExpect(content()
                        .string(containsString(
                                "the key type &lt;img/src=x&gt; does not match the key (" + key[0] + ")")))
                .andExpect(content().string(not(containsString("<img/src=x>"))))
                .andExpect(content().string(containsString("markers such as @cert-authority are not supported")));

        mvc.perform(get("/api/v1/nodes/" + node).with(viewer()))
                .andExpect(jsonPath("$.hostKey.fingerprint").value(fingerprint));
    }

    @Test
    void answersAnHtmxPostWithTheResultsFragmentOnly() throws Exception {
        String[] key = hostKey();

        String fragment = mvc.perform(post("/nodes/known-hosts")
                        .header("HX-Request", "true")
                        .with(admin())
                        .with(csrf())
                        .param("text", "10.251.251.251 " + key[0] + " " + key[1] + "\nlonely-host ssh-ed25519\n"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(fragment)
                .doesNotContain("<html")
                .contains("id=\"results\"", ">NO_MATCH<", ">INVALID<", "expected: host-patterns key-type base64-key");
        mvc.perform(post("/nodes/known-hosts").with(admin()).with(csrf()).param("text", "  \n"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Paste a known_hosts file or choose one to upload.")));
    }

    /** A fresh host public key as {algorithm, base64 blob}. */
    private String[] hostKey() throws Exception {
        Path key = dir.resolve("host-" + UUID.randomUUID());
        Process process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String[] pub = Files.readString(Path.of(key + ".pub")).trim().split(" ");
        return new String[] {pub[0], pub[1]};
    }
}
