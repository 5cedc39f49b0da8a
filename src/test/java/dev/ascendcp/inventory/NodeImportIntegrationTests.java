package dev.ascendcp.inventory;

import static dev.ascendcp.inventory.InventoryFixtures.operator;
import static dev.ascendcp.inventory.InventoryFixtures.unique;
import static dev.ascendcp.inventory.InventoryFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class NodeImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    String credential;
    String p;

    @BeforeEach
    void credential() throws Exception {
        String id = InventoryFixtures.createCredential(mvc);
        credential = jdbc.queryForObject(
                "select name from credential where id = ?", String.class, java.util.UUID.fromString(id));
        p = unique("imp");
    }

    @Test
    void importsCsvRowsAndReportsTheBadRowAlone() throws Exception {
        String csv = "\uFEFFname,host,sshPort,credential,localIp,nicName,npuCount,sudo,labels\n"
                + p + "-a,10.1.0.1,22," + credential + ",,enp189s0f0,8,yes,rack=r1;row=2\n"
                + p + "-b,10.1.0.2,2222," + credential + ",10.1.1.2,enp189s0f0,8,false,\n"
                + p + "-c,$(id),22," + credential + ",,eth0,99,false,\n"
                + "\"" + p + "-d\",node-d.example.com,22," + credential + ",10.1.0.4,eth0,16,,\n";
        int before = count();

        run("text/csv", csv, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.failed").value(1))
                .andExpect(jsonPath("$.rows[0].status").value("CREATED"))
                .andExpect(jsonPath("$.rows[0].nodeId").isString())
                .andExpect(jsonPath("$.rows[2].row").value(4))
                .andExpect(jsonPath("$.rows[2].status").value("FAILED"))
                .andExpect(jsonPath("$.rows[2].nodeId").doesNotExist())
                .andExpect(jsonPath("$.rows[2].errors[*].field", hasItem("host")))
                .andExpect(jsonPath("$.rows[2].errors[*].field", hasItem("npuCount")));

        assertThat(count()).isEqualTo(before + 3);
        assertThat(jdbc.queryForObject(
                        "select label_value from node_label l join node n on n.id = l.node_id where n.name = ? and l.label_key = 'row'",
                        String.class,
                        p + "-a"))
                .isEqualTo("2");
        assertThat(jdbc.queryForObject("select sudo from node where name = ?", Boolean.class, p + "-a"))
                .isTrue();
    }

    @Test
    void importsAYamlListOrNodesMappingWithCredentialByNameOrId() throws Exception {
        String id = jdbc.queryForObject("select id from credential where name = ?", String.class, credential);
        String yaml = "nodes:\n"
                + "  - {name: " + p + "-y1, host: 10.2.0.1, credential: " + credential + ", nicName: eth0, npuCount: 8,"
                + " labels: {rack: r2}}\n"
                + "  - name: " + p + "-y2\n    host: 10.2.0.2\n    credentialId: " + id + "\n    nicName: eth0\n"
                + "    npuCount: 8\n    hostKeyPolicy: STRICT\n"
                + "  - {name: " + p + "-y3, host: 10.2.0.3, credential: nobody, nicName: eth0, npuCount: 8}\n"
                + "  - {name: " + p + "-y4, host: 10.2.0.4, credential: " + credential + ", nicName: eth0, npuCount: 8,"
                + " colour: red}\n";

        run("application/yaml", yaml, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("credential"))
                .andExpect(jsonPath("$.rows[3].errors[0].field").value("colour"));
    }

    @Test
    void importsAnAnsibleIniInventoryWithGroupVarsAndGroupLabels() throws Exception {
        String ini = "# inventory\n[all:vars]\ncredential=" + credential + "\nnic_name=enp189s0f0\n\n"
                + "[" + p + "]\n"
                + p + "-h1 ansible_host=10.3.0.1 ansible_port=22 npu_count=8 local_ip=10.3.1.1\n"
                + p + "-h2 ansible_host=10.3.0.2 ansible_user=npuops npu_count=16 ansible_become=yes\n"
                + p + "-h3 ansible_host=10.3.0.3 ansible_user=someone-else npu_count=8\n"
                + "[" + p + ":vars]\nnpu_count=4\n";

        String response = run("text/plain", ini, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rows[2].row").value(9))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("ansible_user"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String nodeId = JsonPath.read(response, "$.rows[1].nodeId");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/nodes/" + nodeId)
                        .with(viewer()))
                .andExpect(jsonPath("$.labels.group").value(p))
                .andExpect(jsonPath("$.npuCount").value(16))
                .andExpect(jsonPath("$.sudo").value(true))
                .andExpect(jsonPath("$.localIp").value("10.3.0.2"));
    }

    @Test
    void aDryRunValidatesEveryRowAndStoresNothing() throws Exception {
        String csv = "name,host,credential,nicName,npuCount\n"
                + p + "-1,10.4.0.1," + credential + ",eth0,8\n"
                + p + "-1,10.4.0.2," + credential + ",eth0,8\n"
                + p + "-3,10.4.0.3,missing,eth0,8\n";
        int before = count();

        run("text/csv", csv, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.valid").value(1))
                .andExpect(jsonPath("$.rows[0].status").value("VALID"))
                .andExpect(jsonPath("$.rows[1].errors[0].field").value("name"))
                .andExpect(jsonPath("$.rows[2].errors[0].field").value("credential"));

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFailedRowLeavesNeitherItsNodeNorItsLabelsBehind() throws Exception {
        String csv = "name,host,credential,nicName,npuCount,labels\n"
                + p + "-x,10.5.0.1," + credential + ",eth0,8,a=1\n"
                + p + "-x,10.5.0.2," + credential + ",eth0,8,b=2\n";
        int labels = jdbc.queryForObject("select count(*) from node_label", Integer.class);

        run("text/csv", csv, false)
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rows[1].status").value("FAILED"));

        assertThat(jdbc.queryForObject("select count(*) from node_label", Integer.class))
                .isEqualTo(labels + 1);
        assertThat(jdbc.queryForObject("select host from node where name = ?", String.class, p + "-x"))
                .isEqualTo("10.5.0.1");
    }

    @Test
    void refusesAnImportWithTooManyRowsOrAnUnknownColumn() throws Exception {
        StringBuilder csv = new StringBuilder("name,host,credential,nicName,npuCount\n");
        for (int i = 0; i < 5001; i++) {
            csv.append("n").append(i).append(",10.6.0.1,").append(credential).append(",eth0,8\n");
        }
        int before = count();
        run("text/csv", csv.toString(), false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        run("text/csv", "name,host,password\nx,y,z\n", false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("header"));
        run("application/yaml", "- [unclosed", false).andExpect(status().isBadRequest());
        run("application/yaml", "a: &a [*a, *a]\nb: !!java.io.File /etc\n", false)
                .andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void refusesABodyLargerThanTheLimit() throws Exception {
        run("text/csv", "x".repeat(5 * 1024 * 1024 + 1), false).andExpect(status().isBadRequest());
    }

    @Test
    void requiresAnOperator() throws Exception {
        mvc.perform(post("/api/v1/nodes/import").contentType("text/csv").content("name\n"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/nodes/import")
                        .with(viewer())
                        .contentType("text/csv")
                        .content("name\n"))
                .andExpect(status().isForbidden());
    }

    private ResultActions run(String type, String body, boolean dryRun) throws Exception {
        return mvc.perform(post("/api/v1/nodes/import" + (dryRun ? "?dryRun=true" : ""))
                .with(operator())
                .contentType(type)
                .content(body));
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from node", Integer.class);
    }
}
