package io.gridpulse.geo.region;

import io.gridpulse.geo.registry.RegistryLoader;
import io.gridpulse.model.area.AreaCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The example county in {@code docs/examples/}, the files an operator copies for GP_REGION_FILE and the registry. */
class ExampleCountyTest {

    static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @Test
    void theExampleCountyLoadsWithItsHouseholdsAndDevices() throws Exception {
        var source = RegionSource.of(EXAMPLES.resolve("county-region.geojson"));
        var region = source.region();
        assertThat(source.isDemo()).isFalse();
        assertThat(region.roots()).singleElement().satisfies(root -> assertThat(root.code()).isEqualTo(AreaCode.of("439902")));
        assertThat(region.locate(113.18, 28.05)).contains(AreaCode.of("439902001001002"));
        assertThat(region.locate(113.55, 27.63)).as("a point of the demo region is not in this county").isEmpty();

        var registry = RegistryLoader.load(EXAMPLES.resolve("county-households.csv"), EXAMPLES.resolve("county-devices.csv"), region);
        assertThat(registry.households()).hasSize(5);
        assertThat(registry.devices()).hasSize(4);
    }

    @Test
    void aSourceTravelsAsItsBytesAndIsReadOncePerJvm() throws Exception {
        var source = RegionSource.of(EXAMPLES.resolve("county-region.geojson"));
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
        }
        RegionSource copy;
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RegionSource) in.readObject();
        }
        assertThat(copy).isEqualTo(source);
        assertThat(copy.region()).isSameAs(source.region());
        assertThat(RegionSource.demo().region()).isSameAs(Region.demo());
        assertThat(source.toString()).startsWith("county-region.geojson (sha256 ");
    }

    @Test
    void aBrokenFileIsRefusedWithEveryProblem(@TempDir Path dir) throws Exception {
        var broken = Files.readString(EXAMPLES.resolve("county-region.geojson"))
                .replace("\"parent\": \"439902001001\"", "\"parent\": \"439902009001\"");
        var file = dir.resolve("broken.geojson");
        Files.writeString(file, broken);
        var refused = catchThrowableOfType(RegionFileException.class, () -> RegionSource.of(file));
        assertThat(refused.problems()).hasSize(2)
                .allSatisfy(p -> assertThat(p.message()).contains("parent 439902009001 does not match the code"));
        assertThat(refused).hasMessageContaining("broken.geojson");
    }
}
