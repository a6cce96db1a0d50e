package io.gridpulse.cockpit.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gridpulse.geo.region.Region;
import io.gridpulse.model.area.AreaCode;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;

/**
 * Signing in through the region's single sign-on (OpenID Connect, as government portals built on Keycloak and the like
 * offer it): the authorization code flow with PKCE, state and nonce, the ID token's signature, issuer, audience, expiry
 * and nonce checked (Nimbus OAuth 2.0 SDK), and the user's role, area and department read from claims the provider is
 * configured to send. The provider is asked for its metadata once, when first used.
 */
public final class SingleSignOn {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SingleSignOn.class);
    private volatile Config config;
    private volatile OIDCProviderMetadata metadata;

    /**
     * Where and how to reach the provider (GP_OIDC_*).
     *
     * @param issuer          the provider's issuer URL; its metadata is read from {@code /.well-known/openid-configuration}
     * @param redirect        the cockpit's {@code /oidc/callback} as the provider knows it
     * @param nameClaim       the claim that is the sign-in name ({@code preferred_username} by default)
     * @param roleClaim       the claim with the role's configuration name ({@code leader}, {@code watcher} ...)
     * @param areaClaim       the claim with the area code
     * @param departmentClaim the claim with the department code (needed for a department head)
     * @param label           the sign-in button's text
     */
    public record Config(URI issuer, String clientId, String clientSecret, URI redirect, String nameClaim, String roleClaim,
                         String areaClaim, String departmentClaim, String label) implements Serializable {
        public Config {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(redirect, "redirect");
            nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
            roleClaim = roleClaim == null ? "gridpulse_role" : roleClaim;
            areaClaim = areaClaim == null ? "gridpulse_area" : areaClaim;
            departmentClaim = departmentClaim == null ? "gridpulse_department" : departmentClaim;
            label = label == null ? "统一身份认证" : label;
        }
    }

    /** What a started sign-in keeps in the session until the provider sends the browser back. */
    record Started(String state, String nonce, String verifier) implements Serializable {
    }

    /** How the provider's answer ended: the user it names, or why not. */
    public record Result(CockpitUser user, String refusal) {
    }

    private SingleSignOn(Config config) {
        this.config = config;
    }

    /** No single sign-on: only passwords. */
    public static SingleSignOn off() {
        return new SingleSignOn(null);
    }

    public static SingleSignOn of(Config config) {
        return new SingleSignOn(Objects.requireNonNull(config));
    }

    public boolean enabled() {
        return config != null;
    }

    public String label() {
        return config == null ? "" : config.label();
    }

    /** Points at another provider, or none (null); for tests, which start the cockpit before their provider. */
    public void configure(Config next) {
        this.config = next;
        this.metadata = null;
    }

    /** The provider's authorization URL for a new sign-in, and what to remember of it. */
    Started start(java.util.function.Consumer<URI> redirectTo) {
        var c = requireConfig();
        var state = new State();
        var nonce = new Nonce();
        var verifier = new CodeVerifier();
        var request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new Scope("openid", "profile"),
                new ClientID(c.clientId()), c.redirect())
                .endpointURI(metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build();
        redirectTo.accept(request.toURI());
        return new Started(state.getValue(), nonce.getValue(), verifier.getValue());
    }

    /**
     * The provider's answer at the callback: the code exchanged for tokens, the ID token checked, the claims read into a
     * user of this region.
     */
    Result finish(URI callback, Started started, Region region) {
        var c = requireConfig();
        try {
            var response = AuthenticationResponseParser.parse(callback);
            if (response instanceof AuthenticationErrorResponse error) {
                return refused("the provider said " + error.getErrorObject().getCode());
            }
            var success = response.toSuccessResponse();
            if (success.getState() == null || !success.getState().getValue().equals(started.state())) {
                return refused("the state does not match the sign-in this browser started");
            }
            AuthorizationCode code = success.getAuthorizationCode();
            var token = new TokenRequest(metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(c.clientId()), new Secret(c.clientSecret())),
                    new AuthorizationCodeGrant(code, c.redirect(), new CodeVerifier(started.verifier())));
            var answer = OIDCTokenResponseParser.parse(token.toHTTPRequest().send());
            if (!answer.indicatesSuccess()) {
                return refused("the token endpoint said " + answer.toErrorResponse().getErrorObject().getCode());
            }
            var idToken = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) answer.toSuccessResponse()).getOIDCTokens().getIDToken();
            var validator = new IDTokenValidator(new Issuer(metadata().getIssuer()), new ClientID(c.clientId()),
                    JWSAlgorithm.RS256, metadata().getJWKSetURI().toURL());
            var claims = validator.validate(idToken, new Nonce(started.nonce()));
            return user(claims.getStringClaim(c.nameClaim()), claims.getStringClaim(c.roleClaim()),
                    claims.getStringClaim(c.areaClaim()), claims.getStringClaim(c.departmentClaim()), region);
        } catch (com.nimbusds.oauth2.sdk.ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException
                 | java.io.IOException | RuntimeException e) {
            log.warn("single sign-on failed: {}", e.toString());
            return refused(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The claims as a user of this region; a missing or unknown role, an area outside the region: refused, saying which. */
    static Result user(String name, String role, String area, String department, Region region) {
        if (name == null || !AccountForm.isName(name)) {
            return refused("the name claim is missing or not a sign-in name: " + name);
        }
        var chosenRole = role == null ? java.util.Optional.<Role>empty() : Role.ofWireName(role);
        if (chosenRole.isEmpty()) {
            return refused("the role claim is missing or unknown: " + role);
        }
        var scope = AreaCode.parse(area == null ? "" : area).filter(a -> region.area(a).isPresent());
        if (scope.isEmpty()) {
            return refused("the area claim is missing or not an area of this region: " + area);
        }
        try {
            return new Result(new CockpitUser(name, chosenRole.get(), scope.get(), department), null);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
    }

    private static Result refused(String why) {
        return new Result(null, why);
    }

    private Config requireConfig() {
        var c = config;
        if (c == null) {
            throw new IllegalStateException("single sign-on is not configured (GP_OIDC_ISSUER)");
        }
        return c;
    }

    private OIDCProviderMetadata metadata() {
        var m = metadata;
        if (m == null) {
            try {
                m = OIDCProviderMetadata.resolve(new Issuer(requireConfig().issuer()));
            } catch (com.nimbusds.oauth2.sdk.GeneralException | java.io.IOException e) {
                throw new IllegalStateException("the provider " + requireConfig().issuer() + " did not give its metadata: " + e.getMessage(), e);
            }
            metadata = m;
        }
        return m;
    }
}
