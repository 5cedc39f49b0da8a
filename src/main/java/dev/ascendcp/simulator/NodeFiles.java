package dev.ascendcp.simulator;

import dev.ascendcp.simulator.npu.HccnConf;
import dev.ascendcp.simulator.shell.VirtualFs;

/** The files a fresh simulated node has: devices, driver files, /etc/hccn.conf, the home directory and models. */
final class NodeFiles {

    private NodeFiles() {}

    static void populate(SimulatedNode node) {
        VirtualFs fs = node.fileSystem();
        NodeSpec spec = node.spec();
        for (int i = 0; i < spec.npuCount(); i++) {
            fs.addDevice("/dev/davinci" + i);
        }
        for (String dev : new String[] {"/dev/davinci_manager", "/dev/devmm_svm", "/dev/hisi_hdc"}) {
            fs.addDevice(dev);
        }
        fs.generate("/etc/hccn.conf", () -> HccnConf.render(node));
        fs.write("/usr/local/Ascend/driver/tools/hccn_tool", "\u007fELF simulated hccn_tool\n");
        fs.write("/usr/local/bin/npu-smi", "\u007fELF simulated npu-smi\n");
        fs.write("/usr/local/Ascend/driver/version.info", "Version=23.0.7\nascendhal_version=7.35.23\n");
        fs.write(
                "/etc/ascend_install.info",
                "UserName=HwHiAiUser\nUserGroup=HwHiAiUser\nDriver_Install_Type=full\n"
                        + "Driver_Install_Path_Param=/usr/local/Ascend\n");
        fs.mkdirs("/usr/local/dcmi");
        fs.mkdirs("/usr/local/Ascend/driver/lib64");
        String user = node.username();
        fs.mkdirs(user.equals("root") ? "/root" : "/home/" + user);
        for (String model : spec.modelPaths()) {
            fs.write(
                    model + "/config.json",
                    "{\n  \"architectures\": [\"Qwen2ForCausalLM\"],\n  \"model_type\": \"qwen2\",\n"
                            + "  \"max_position_embeddings\": 32768,\n  \"torch_dtype\": \"bfloat16\"\n}\n");
            fs.write(model + "/model.safetensors.index.json", "{\"metadata\": {\"total_size\": 15231233024}}\n");
        }
    }
}
