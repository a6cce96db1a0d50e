package io.gridpulse.geo.registry;

import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.PopulationGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistryLoaderTest {

    private static final Region REGION = Region.demo();
    private static final String GRID = "439901001001001";
    private static final String OTHER_GRID = "439901101001002";

    private static final String HOUSEHOLDS = """
            household_id,grid_code,residents,aged_60_plus,groups
            h-1,439901001001001,1,1,elderly_alone
            h-2,439901001001001,4,1,left_behind_child;hardship
            # a comment line
            h-3,439901101001002,2,2,empty_nest|disabled
            h-4,439901101001002,3,,
            """;
    private static final String DEVICES = """
            device_id,device_type,grid_code,household_id,hall_id
            wb-1,wristband,,h-1,
            wb-2,WRISTBAND,439901101001002,h-3,
            gt-1,grid_terminal,439901001001001,,
            qm-1,queue_machine,439901001001001,,hall-439901001
            """;

    private static Registry read(String households, String devices) throws Exception {
        return RegistryLoader.read(stream(households), "households.csv", devices == null ? null : stream(devices),
                "devices.csv", REGION);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RegistryFileException problemsOf(String households, String devices) {
        return catchThrowableOfType(RegistryFileException.class, () -> read(households, devices));
    }

    @Test
    void aWellFormedRegistryLoadsWithItsGroupsAndWristbandWearers() throws Exception {
        var registry = read(HOUSEHOLDS, DEVICES);
        assertThat(registry.households()).extracting(RegisteredHousehold::id).containsExactly("h-1", "h-2", "h-3", "h-4");
        assertThat(registry.household("h-2").orElseThrow().groups())
                .containsExactlyInAnyOrder(PopulationGroup.LEFT_BEHIND_CHILD, PopulationGroup.HARDSHIP);
        assertThat(registry.household("h-4").orElseThrow().aged60Plus()).isZero();
        assertThat(registry.householdsIn(AreaCode.of(OTHER_GRID))).extracting(RegisteredHousehold::id).containsExactly("h-3", "h-4");
        var band = registry.devices().getFirst();
        assertThat(band.type()).isEqualTo(DeviceType.WRISTBAND);
        assertThat(band.grid()).isEqualTo(AreaCode.of(GRID));   // taken from the wearer's household
        assertThat(registry.devices().get(3).hallId()).isEqualTo("hall-439901001");
    }

    @Test
    void aByteOrderMarkColumnsInAnyOrderAndExtraColumnsAreAccepted() throws Exception {
        var registry = read("\uFEFFresidents,remark,grid_code,household_id\r\n2,\"new, since May\"," + GRID + ",x-1\r\n", null);
        assertThat(registry.households()).singleElement().satisfies(h -> {
            assertThat(h.id()).isEqualTo("x-1");
            assertThat(h.residents()).isEqualTo(2);
        });
        assertThat(registry.devices()).isEmpty();
    }

    @Test
    void aMissingRequiredColumnIsNamedWithTheFileAndLineOne() {
        var e = problemsOf("household_id,grid,residents\nh-1," + GRID + ",2\n", null);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("households.csv");
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("grid_code");
        });
        assertThat(e.getMessage()).contains("households.csv line 1, column grid_code: the header has no column \"grid_code\"");
    }

    @Test
    void everyBadValueIsReportedAtOnceWithItsLineAndColumn() {
        var e = problemsOf("""
                household_id,grid_code,residents,aged_60_plus,groups
                h-1,439901001001001,two,0,
                h-2,4399010010010,2,0,
                h-3,439901001001,2,0,
                h-4,439901001001001,2,3,
                h-5,439901001001001,2,1,elderly_alone
                h-6,439901001001001,2,0,orphan
                h-7,999999001001001,1,0,
                h-1,439901001001001,1,0,
                ,439901001001001,1,0,
                h-9,439901001001001,1,0,,surplus
                """, null);
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly(
                "2:residents", "3:grid_code", "4:grid_code", "5:aged_60_plus", "6:groups", "7:groups", "8:grid_code",
                "9:household_id", "10:household_id", "11:null");
        assertThat(e.getMessage())
                .contains("households.csv line 2, column residents: \"two\" is not a whole number")
                .contains("line 4, column grid_code: 439901001001 is a community with")
                .contains("line 6, column groups: elderly_alone needs residents 1 and aged_60_plus 1")
                .contains("line 7, column groups: \"orphan\" is not one of elderly_alone")
                .contains("line 8, column grid_code: 999999001001001 is not an area of the region")
                .contains("line 9, column household_id: household h-1 is already on line 2")
                .contains("line 11: has 6 fields, the header has 5");
    }

    @Test
    void badDevicesNameTheirLineAndColumnInTheDevicesFile() {
        var e = problemsOf(HOUSEHOLDS, """
                device_id,device_type,grid_code,household_id
                wb-1,wristband,,
                wb-2,wristband,,h-404
                wb-3,wristband,439901101001002,h-1
                k-1,kiosk,439901001001001,h-1
                x-1,toaster,439901001001001,
                k-2,kiosk,,
                k-2,kiosk,439901001001001,
                """);
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("devices.csv"));
        assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly(
                "2:household_id", "3:household_id", "4:grid_code", "5:household_id", "6:device_type", "7:grid_code",
                "8:device_id");
        assertThat(e.getMessage()).contains("devices.csv line 4, column grid_code: the wristband is in grid "
                + OTHER_GRID + " but its household h-1 lives in grid " + GRID);
    }

    @Test
    void anUnclosedQuoteIsReportedAsUnreadableCsvWithItsLine() {
        var e = problemsOf("household_id,grid_code,residents\nh-1," + GRID + ",2\n\"h-2," + GRID + ",2\n", null);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isGreaterThanOrEqualTo(3);
            assertThat(p.message()).startsWith("is not readable CSV");
        });
    }

    @Test
    void anEmptyFileIsRejectedPlainly() {
        assertThatThrownBy(() -> read("", null)).isInstanceOf(RegistryFileException.class)
                .hasMessageContaining("households.csv: is empty: expected a header line with household_id,grid_code,residents");
    }

    @Test
    void filesAreNamedByTheirFileNameWhenLoadedFromDisk(@TempDir Path dir) throws Exception {
        var households = Files.writeString(dir.resolve("my-households.csv"), "household_id,grid_code,residents\nh-1,"
                + GRID + ",0\n");
        assertThatThrownBy(() -> RegistryLoader.load(households, null, REGION))
                .hasMessageContaining("my-households.csv line 2, column residents: 0 is not between 1 and 99");
    }
}
