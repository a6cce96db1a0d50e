package io.gridpulse.model.notify;

import io.gridpulse.model.area.AreaCode;
import io.gridpulse.model.json.Problem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one check of a subscription, for the API and the cockpit. */
class SubscriptionDraftTest {
    private static final Instant T = Instant.parse("2026-12-07T02:00:00Z");
    private static final AreaCode STREET = AreaCode.of("439901001");

    private static SubscriptionDraft.Checked check(SubscriptionDraft draft) {
        return draft.check("desk", a -> a.value().startsWith("439901"), STREET::contains, List.of(STREET), T);
    }

    private static List<String> pointers(List<Problem> problems) {
        return problems.stream().map(Problem::pointer).toList();
    }

    @Test
    void anEMailSubscriptionIsOneMailtoAddressWithoutASecret() {
        var ok = check(new SubscriptionDraft("email", "mailto:duty@county.gov.cn", null, List.of(), List.of("sla_breach"), "major"));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.subscription().target()).isEqualTo("duty@county.gov.cn");
        assertThat(ok.subscription().areas()).as("none given: the subscriber's own").containsExactly(STREET);
        assertThat(pointers(check(new SubscriptionDraft("email", "mailto:a@b.cn,c@d.cn", null, List.of(), List.of(), null)).problems()))
                .containsExactly("/url");
        assertThat(pointers(check(new SubscriptionDraft("email", "https://county.gov.cn", null, List.of(), List.of(), null)).problems()))
                .containsExactly("/url");
        assertThat(check(new SubscriptionDraft("email", "mailto:duty@county.gov.cn", "secret-0123456789abcdef", List.of(),
                List.of(), null)).problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("SMTP server"));
    }

    @Test
    void aWebhookNeedsItsSecretAndAnAreaOutsideTheScopeIsNamedApart() {
        assertThat(pointers(check(new SubscriptionDraft("webhook", "https://duty.county.gov.cn/hook", null, List.of(), List.of(), null))
                .problems())).containsExactly("/secret");
        var outside = check(new SubscriptionDraft("webhook", "https://duty.county.gov.cn/hook", "secret-0123456789abcdef",
                List.of("439901001001", "439901002"), List.of(), null));
        assertThat(outside.problems()).isEmpty();
        assertThat(pointers(outside.outside())).containsExactly("/areas/1");
        assertThat(check(new SubscriptionDraft("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=t", null, List.of(),
                List.of(), null)).ok()).as("a DingTalk robot may go unsigned").isTrue();
    }
}
