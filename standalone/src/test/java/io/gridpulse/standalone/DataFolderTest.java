package io.gridpulse.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The data folder holds every event, the warehouse and the secrets: only its owner may enter it (issue 12 item 11). */
class DataFolderTest {

    @Test
    void aNewDataFolderIsItsOwnersAlone(@TempDir Path tmp) throws Exception {
        var data = tmp.resolve("data");
        GridPulse.ownerOnly(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void aDataFolderMadeBeforeWithTheDefaultUmaskIsNarrowed(@TempDir Path tmp) throws Exception {
        var data = Files.createDirectories(tmp.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        GridPulse.ownerOnly(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
    }

    @Test
    void theDemoStartsJavaWithAnOwnerOnlyUmask() throws Exception {
        var script = Files.readString(Path.of("..", "gridpulse"));
        var demo = script.substring(script.indexOf("cmd_demo()"));
        assertThat(demo.substring(0, demo.indexOf("exec "))).contains("umask 077");
    }
}
