package io.gridpulse.ingest.auth;

import io.gridpulse.ingest.http.QueryParameters;
import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.keys.KeyGrant;

/**
 * The area a read asks for, held to the key's areas: a key limited to areas may read inside them
 * only; when it names no area, its one area is meant (a key of several areas must name one).
 */
public final class AreaScope {
    private AreaScope() {}

    /**
     * The area to read, or null for "everything the key may see" (only for unscoped keys); problems go
     * to {@code query} (403 when outside the key's areas).
     *
     * @param requested the area named in the query, or null when none was named
     */
    public static AreaCode resolve(QueryParameters query, KeyGrant grant, AreaCode requested) {
        if (grant == null || !grant.isAreaScoped()) {
            return requested;
        }
        if (requested == null) {
            if (grant.areas().size() == 1) {
                return grant.areas().getFirst();
            }
            query.reject("area", "is required: the key of " + grant.client() + " is limited to the areas "
                    + grant.areas() + "; name one of them or an area inside one");
            return null;
        }
        if (!grant.covers(requested)) {
            query.forbid("area", requested + " is outside the areas the key of " + grant.client() + " may read: "
                    + grant.areas());
            return null;
        }
        return requested;
    }
}
