package io.gridpulse.cockpit.admin;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Problem;
import io.gridpulse.model.keys.KeyDraft;
import io.gridpulse.model.keys.KeyGrant;
import io.gridpulse.model.keys.KeyMaterial;
import io.gridpulse.warehouse.keys.ApiKeyRecord;
import io.gridpulse.warehouse.keys.ApiKeyStore;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The API keys an administrator hands out to the terminals, devices and integrations of their area: made (the key shown
 * once), revoked, rotated (a new key for the same client, the old one refused at once); each change audited and in
 * force at the edge within seconds (it watches the key table's version every 2 s). The screen service of
 * {@link KeysView}. A key is the administrator's to manage when every area it covers is inside theirs; a key for the
 * whole region only for an administrator of the whole region.
 */
public final class KeyAdmin {
    private final CockpitContext context;
    private final CockpitUser admin;
    private final ApiKeyStore store;

    /** What making or rotating a key gives: the problems, or the key to hand over (shown once). */
    public record Issued(List<Problem> problems, String key) {
        public boolean ok() {
            return key != null;
        }
    }

    public KeyAdmin(CockpitContext context, CockpitUser admin) {
        if (!admin.may(Permission.MANAGE_KEYS)) {
            throw new AccessDenied("the role " + admin.role().wireName() + " lacks " + Permission.MANAGE_KEYS);
        }
        this.context = context;
        this.admin = admin;
        this.store = new ApiKeyStore(context.warehouse());
    }

    /** The keys this administrator manages, revoked ones too, by client. */
    public List<ApiKeyRecord> list() {
        return store.all().stream().filter(k -> manages(k.grant())).toList();
    }

    /** Makes a key; nothing is stored when the draft has problems. */
    public Issued create(KeyDraft draft) {
        var taken = store.all().stream().map(ApiKeyRecord::client).collect(Collectors.toSet());
        var checked = draft.check(area -> context.region().area(area).isPresent(), admin::canSee, ownScope(), taken);
        if (!checked.ok()) {
            var problems = new java.util.ArrayList<>(checked.problems());
            problems.addAll(checked.outside());
            return new Issued(List.copyOf(problems), null);
        }
        var key = KeyMaterial.generate();
        var now = context.clock().instant();
        store.save(new ApiKeyRecord(checked.grant(), KeyMaterial.sha256Hex(key), false, admin.name(), now, admin.name(), now));
        context.audit().append(admin.name(), "key_created", describe(checked.grant()));
        return new Issued(List.of(), key);
    }

    /** A device registered in bulk, with its key: handed over once, in the file the administrator downloads. */
    public record Credential(String deviceId, String deviceType, AreaCode area, String key) {}

    /** What registering a devices file gives: every problem (and nothing stored), or a key per device. */
    public record Registration(List<Problem> problems, List<Credential> credentials) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Registers every device of a devices file (the registry's format) with a key of its own: the device's id is the
     * key's client (its MQTT username), it may write what its type sends, in its street, at a device's rate. All or
     * nothing: a file with any problem registers no device, and each problem names its line and column.
     */
    public Registration registerDevices(String csv) {
        var read = DeviceRegistration.read(csv);
        var problems = new java.util.ArrayList<>(read.problems());
        var households = new io.gridpulse.warehouse.registry.HouseholdRegistry(context.warehouse()).gridsOf(
                read.rows().stream().filter(r -> r.gridCode().isEmpty()).map(DeviceRegistration.Row::householdId).toList());
        var taken = store.all().stream().map(ApiKeyRecord::client).collect(Collectors.toCollection(java.util.HashSet::new));
        var grants = new java.util.ArrayList<KeyGrant>();
        var types = new java.util.ArrayList<String>();
        for (var row : read.rows()) {
            var at = "/line/" + row.line() + "/";
            AreaCode grid = null;
            if (!row.gridCode().isEmpty()) {
                var code = AreaCode.parse(row.gridCode());
                if (code.isEmpty() || context.region().area(code.get()).isEmpty()) {
                    problems.add(new Problem(at + "grid_code", "'" + row.gridCode() + "' is not an area of " + regionName()));
                } else {
                    grid = code.get();
                }
            } else {
                grid = households.get(row.householdId());
                if (grid == null) {
                    problems.add(new Problem(at + "household_id", "household '" + row.householdId() + "' is not in the"
                            + " registry; load the households first, or give the device a grid_code"));
                }
            }
            if (grid == null) {
                continue;
            }
            var area = DeviceRegistration.keyArea(grid, admin::canSee);
            var draft = new KeyDraft(row.deviceId(), List.of(io.gridpulse.model.keys.Right.WRITE.wireName()),
                    List.of(area.value()), DeviceRegistration.kinds(row.type()).stream().map(k -> k.wireName()).sorted().toList(),
                    DeviceRegistration.PER_SECOND, DeviceRegistration.BURST);
            var checked = draft.check(a -> context.region().area(a).isPresent(), admin::canSee, ownScope(), taken);
            checked.problems().forEach(p -> problems.add(new Problem(at + (p.pointer().equals("/client") ? "device_id"
                    : p.pointer().substring(1)), p.reason())));
            checked.outside().forEach(p -> problems.add(new Problem(at + "grid_code", "the device lies in " + area
                    + ", outside your area " + admin.scope())));
            if (checked.ok()) {
                taken.add(row.deviceId());
                grants.add(checked.grant());
                types.add(row.type().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!problems.isEmpty()) {
            return new Registration(List.copyOf(problems), List.of());
        }
        var now = context.clock().instant();
        var credentials = new java.util.ArrayList<Credential>();
        var records = new java.util.ArrayList<ApiKeyRecord>();
        for (int i = 0; i < grants.size(); i++) {
            var grant = grants.get(i);
            var key = KeyMaterial.generate();
            records.add(new ApiKeyRecord(grant, KeyMaterial.sha256Hex(key), false, admin.name(), now, admin.name(), now));
            credentials.add(new Credential(grant.client(), types.get(i), grant.areas().getFirst(), key));
        }
        store.saveAll(records);
        context.audit().append(admin.name(), "devices_registered", credentials.size() + " devices: "
                + credentials.stream().map(Credential::deviceId).limit(20).collect(Collectors.joining(","))
                + (credentials.size() > 20 ? ",…" : ""));
        return new Registration(List.of(), List.copyOf(credentials));
    }

    private String regionName() {
        return context.region().roots().getFirst().name();
    }

    /** Revokes a key: the edge refuses it within seconds. */
    public void revoke(String client) {
        var k = managed(client);
        store.save(new ApiKeyRecord(k.grant(), k.sha256(), true, k.createdBy(), k.createdAt(), admin.name(), context.clock().instant()));
        context.audit().append(admin.name(), "key_revoked", "key " + client);
    }

    /** A new key for the same client and grant; the old key is refused from then on. */
    public Issued rotate(String client) {
        var k = managed(client);
        if (k.revoked()) {
            return new Issued(List.of(new Problem("/client", "is revoked; make a new key instead")), null);
        }
        var key = KeyMaterial.generate();
        store.save(new ApiKeyRecord(k.grant(), KeyMaterial.sha256Hex(key), false, k.createdBy(), k.createdAt(), admin.name(),
                context.clock().instant()));
        context.audit().append(admin.name(), "key_rotated", "key " + client);
        return new Issued(List.of(), key);
    }

    private ApiKeyRecord managed(String client) {
        return store.find(client).filter(k -> manages(k.grant()))
                .orElseThrow(() -> new AccessDenied("key " + client + " is not inside " + admin.name() + "'s scope " + admin.scope()));
    }

    /** Whether every area of the key is inside the administrator's (a whole-region key: only for a whole-region administrator). */
    private boolean manages(KeyGrant grant) {
        return grant.areas().isEmpty() ? ownScope().isEmpty() : grant.areas().stream().allMatch(admin::canSee);
    }

    /** The administrator's area as a key's default; empty when it is a root of the region (a key may then span it all). */
    private List<AreaCode> ownScope() {
        var root = context.region().roots().stream().anyMatch(r -> r.code().equals(admin.scope()));
        return root ? List.of() : List.of(admin.scope());
    }

    private static String describe(KeyGrant g) {
        return "key " + g.client() + ": " + g.rights().stream().map(r -> r.wireName()).sorted().collect(Collectors.joining(","))
                + " areas=" + (g.areas().isEmpty() ? "all" : g.areas().stream().map(AreaCode::value).collect(Collectors.joining(",")))
                + " kinds=" + (g.kinds().isEmpty() ? "all" : g.kinds().stream().map(k -> k.wireName()).sorted().collect(Collectors.joining(",")))
                + " rate=" + g.perSecond() + "/" + g.burst();
    }
}
