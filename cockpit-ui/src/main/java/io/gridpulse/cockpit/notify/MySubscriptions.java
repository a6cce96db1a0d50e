package io.gridpulse.cockpit.notify;

import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.model.area.Area;
import io.gridpulse.model.notify.Subscription;
import io.gridpulse.model.notify.SubscriptionDraft;

import java.util.List;

/**
 * The subscriptions of one cockpit user (owner {@code cockpit:<name>}): listed, added within the user's scope,
 * deleted; each change audited. The screen service of {@link SubscriptionsView}.
 */
public final class MySubscriptions {
    /** The most subscriptions one user may hold, as for an API client. */
    public static final int MAX = 100;
    private final CockpitContext context;
    private final CockpitUser user;

    public MySubscriptions(CockpitContext context, CockpitUser user) {
        this.context = context;
        this.user = user;
    }

    /** The owner name a cockpit user's subscriptions carry: never the same as an API client's. */
    public static String owner(CockpitUser user) {
        return "cockpit:" + user.name();
    }

    public List<Subscription> list() {
        return context.subscriptions().ofOwner(owner(user));
    }

    /** The draft as a subscription of this user, stored; or the problems with it (nothing is stored then). */
    public SubscriptionDraft.Checked add(SubscriptionDraft draft) {
        var checked = draft.check(owner(user), area -> context.region().area(area).isPresent(), user::canSee,
                List.of(user.scope()), context.clock().instant());
        if (checked.ok()) {
            if (list().size() >= MAX) {
                return new SubscriptionDraft.Checked(null, List.of(new io.gridpulse.model.json.Problem("",
                        "holds " + MAX + " subscriptions already; delete one first")), List.of());
            }
            context.subscriptions().save(checked.subscription(), context.clock().instant());
            context.audit().append(user.name(), "subscribe", checked.subscription().id() + " "
                    + checked.subscription().channel().wireName() + " " + checked.subscription().target());
        }
        return checked;
    }

    public boolean delete(String id) {
        var deleted = context.subscriptions().delete(owner(user), id, context.clock().instant());
        if (deleted) {
            context.audit().append(user.name(), "unsubscribe", id);
        }
        return deleted;
    }

    /** The areas the user may subscribe to: their scope and the streets and communities in it, top first. */
    public List<Area> areas() {
        return context.areasWithin(user.scope());
    }
}
