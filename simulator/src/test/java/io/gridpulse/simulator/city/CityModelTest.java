package io.gridpulse.simulator.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridpulse.model.area.AreaLevel;
import io.gridpulse.model.event.DeviceType;
import io.gridpulse.model.event.PopulationGroup;
import io.gridpulse.model.privacy.ResidentIdentifiers;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CityModelTest {

    private static CityModel city;
    private static Census census;

    /** One pass over every household and resident of the city, shared by the tests. */
    private record Census(long households, long ruralHouseholds, long residents, long ruralResidents, long aged60,
            Map<PopulationGroup, Long> groups, long invalidIds, long invalidPhones) {
    }

    @BeforeAll
    static void drawCity() {
        city = CityModel.demo(7);
        long households = 0;
        long ruralHouseholds = 0;
        long residents = 0;
        long ruralResidents = 0;
        long aged60 = 0;
        long invalidIds = 0;
        long invalidPhones = 0;
        var groups = new EnumMap<PopulationGroup, Long>(PopulationGroup.class);
        for (var it = city.households().iterator(); it.hasNext(); ) {
            var h = it.next();
            households++;
            ruralHouseholds += h.grid().rural() ? 1 : 0;
            for (var g : h.groups()) {
                groups.merge(g, 1L, Long::sum);
            }
            for (var r : h.residents()) {
                residents++;
                ruralResidents += h.grid().rural() ? 1 : 0;
                aged60 += r.ageOn(CityModel.REFERENCE_DATE) >= 60 ? 1 : 0;
                invalidIds += ResidentIdentifiers.isValidIdNumber(r.idNumber()) ? 0 : 1;
                invalidPhones += ResidentIdentifiers.isValidPhone(r.phone()) ? 0 : 1;
            }
        }
        census = new Census(households, ruralHouseholds, residents, ruralResidents, aged60, groups, invalidIds,
                invalidPhones);
    }

    @Test
    void theRegionHasFifteenStreetsAndAboutOneThousandEightyGrids() {
        assertThat(city.streets()).hasSize(15);
        assertThat(city.grids().size()).isCloseTo(1_080, within(54));
        assertThat(city.grids()).allSatisfy(g -> {
            assertThat(g.code().level()).isEqualTo(AreaLevel.GRID);
            assertThat(city.streets()).contains(g.street());
        });
        assertThat(city.grids().stream().map(g -> g.code().value()).distinct()).hasSameSizeAs(city.grids());
    }

    @Test
    void urbanStreetsHaveMoreGridsThanTownships() {
        var urban = city.grids().stream().filter(g -> !g.rural()).count() / 5.0;
        var rural = city.grids().stream().filter(Grid::rural).count() / 10.0;
        assertThat(urban).isGreaterThan(rural);
    }

    @Test
    void everyStreetHasSixToTenCommunitiesOfEightToTwelveGrids() {
        for (var street : city.streets()) {
            var communities = city.grids().stream().filter(g -> g.street().equals(street))
                    .collect(java.util.stream.Collectors.groupingBy(Grid::community, java.util.stream.Collectors.counting()));
            assertThat(communities.size()).as(street.value()).isBetween(6, 10);
            assertThat(communities.values()).allSatisfy(n -> assertThat(n).isBetween(8L, 12L));
        }
    }

    @Test
    void aboutOneMillionResidentsLiveInTheCity() {
        assertThat((double) census.residents()).isCloseTo(PopulationMix.RESIDENTS, within(0.03 * PopulationMix.RESIDENTS));
    }

    @Test
    void sixtyTwoPercentOfHouseholdsAndResidentsAreRural() {
        assertThat((double) census.ruralHouseholds() / census.households()).isCloseTo(0.62, within(0.03));
        assertThat((double) census.ruralResidents() / census.residents()).isCloseTo(0.62, within(0.03));
    }

    @Test
    void twentyThreePercentOfResidentsAreAgedSixtyOrMore() {
        assertThat((double) census.aged60() / census.residents()).isCloseTo(0.23, within(0.03));
    }

    @Test
    void everyPriorityGroupIsPresentInAPlausibleShare() {
        assertThat(census.groups().keySet()).containsExactlyInAnyOrder(PopulationGroup.values());
        assertThat(census.groups().values())
                .allSatisfy(n -> assertThat((double) n / census.households()).isBetween(0.01, 0.15));
    }

    @Test
    void elderlyAloneEmptyNestMigrantAndLeftBehindHouseholdsComeInTheSharesOfThePopulationMix() {
        double rural = (double) census.ruralHouseholds() / census.households();
        assertThat(share(PopulationGroup.ELDERLY_ALONE)).isCloseTo(
                rural * PopulationMix.RURAL_ELDERLY_ALONE + (1 - rural) * PopulationMix.URBAN_ELDERLY_ALONE, within(0.005));
        assertThat(share(PopulationGroup.EMPTY_NEST)).isCloseTo(
                rural * PopulationMix.RURAL_EMPTY_NEST + (1 - rural) * PopulationMix.URBAN_EMPTY_NEST, within(0.005));
        assertThat(share(PopulationGroup.MIGRANT)).isCloseTo(
                rural * PopulationMix.RURAL_MIGRANT + (1 - rural) * PopulationMix.URBAN_MIGRANT, within(0.005));
        // left-behind children: 30% of the rural families with a child
        assertThat(share(PopulationGroup.LEFT_BEHIND_CHILD)).isBetween(0.03, 0.12);
    }

    private static double share(PopulationGroup group) {
        return (double) census.groups().get(group) / census.households();
    }

    @Test
    void residentsHaveValidIdNumbersAndMobilePhones() {
        assertThat(census.invalidIds()).isZero();
        assertThat(census.invalidPhones()).isZero();
    }

    @Test
    void aboutThreeHundredGridWorkersCoverEveryGridOnce() {
        assertThat(city.workers().size()).isBetween(280, 320);
        var covered = city.workers().stream().flatMap(w -> w.grids().stream()).toList();
        assertThat(covered).hasSameSizeAs(city.grids()).doesNotHaveDuplicates();
        assertThat(city.workers()).allSatisfy(w -> assertThat(w.grids()).isNotEmpty()
                .allSatisfy(g -> assertThat(g.workerId()).isEqualTo(w.id())));
    }

    @Test
    void fiveThousandWristbandsAreWornInElderlyHouseholds() {
        assertThat(city.wristbands()).hasSize(PopulationMix.WRISTBANDS);
        var wearers = new HashSet<String>();
        for (var band : city.wristbands()) {
            var household = city.wearer(band);
            assertThat(household.residents()).anySatisfy(r -> assertThat(r.ageOn(CityModel.REFERENCE_DATE)).isGreaterThanOrEqualTo(60));
            wearers.add(household.id());
        }
        assertThat(wearers).hasSize(PopulationMix.WRISTBANDS);
    }

    @Test
    void everyStreetHasAServiceHallWithQueueAndRatingMachinesAndEveryGridATerminal() {
        assertThat(city.halls()).hasSize(15);
        assertThat(city.halls()).allSatisfy(h -> assertThat(h.ratingDeviceIds()).hasSameSizeAs(h.windowIds()));
        assertThat(city.devices().stream().filter(d -> d.type() == DeviceType.GRID_TERMINAL)).hasSameSizeAs(city.grids());
        assertThat(city.devices().stream().filter(d -> d.type() == DeviceType.QUEUE_MACHINE)).hasSize(15);
        assertThat(city.devices().stream().filter(d -> d.type() == DeviceType.KIOSK).count()).isGreaterThan(100);
        assertThat(city.devices().stream().map(Device::id).distinct()).hasSameSizeAs(city.devices());
    }

    @Test
    void theSameSeedDrawsTheSameCityAndAnotherSeedAnotherOne() {
        var again = CityModel.demo(7);
        var other = CityModel.demo(8);
        assertThat(again.grids()).isEqualTo(city.grids());
        assertThat(again.wristbands()).isEqualTo(city.wristbands());
        var grid = city.grids().get(500);
        assertThat(again.household(grid, 3)).isEqualTo(city.household(grid, 3));
        assertThat(other.grids()).isNotEqualTo(city.grids());
    }
}
