package ba.refnet.systemtests;

import static io.restassured.RestAssured.given;

/** Real access tokens from the platform's Keycloak, as partner systems and people get them. */
final class Tokens {

    private static final String TOKEN_URL = Platform.KEYCLOAK + "/realms/refnet/protocol/openid-connect/token";

    private Tokens() {
    }

    static String user(String username) {
        return given().formParam("client_id", "refnet-tools").formParam("grant_type", "password")
                .formParam("username", username).formParam("password", "demo")
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }

    static String partner(String clientId, String secret) {
        return given().formParam("client_id", clientId).formParam("client_secret", secret)
                .formParam("grant_type", "client_credentials")
                .post(TOKEN_URL).then().statusCode(200).extract().path("access_token");
    }
}
