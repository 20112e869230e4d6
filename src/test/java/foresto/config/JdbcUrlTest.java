package foresto.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JDBC URLs taken apart by structure: what stays in the URL and what goes to the driver as a secret property. */
class JdbcUrlTest {

    @Test
    void aPasswordParameterLeavesTheUrlWholeWhateverItHolds() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://db.example:5432/lab?user=u&password=Abc,T AIL)x&ssl=true");
        assertThat(u.withoutSecrets()).isEqualTo("jdbc:postgresql://db.example:5432/lab?user=u&ssl=true");
        assertThat(u.secrets()).isEqualTo(Map.of("password", "Abc,T AIL)x"));
    }

    @Test
    void userInfoWithRawDelimitersIsTakenToTheLastAtBeforeTheHosts() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://me:p/a?s#s@w@h1:5432,h2/lab?ApplicationName=a@b");
        assertThat(u.withoutSecrets()).isEqualTo("jdbc:postgresql://h1:5432,h2/lab?ApplicationName=a%40b");
        assertThat(u.secrets()).containsEntry("user", "me").containsEntry("password", "p/a?s#s@w");
    }

    @Test
    void percentEncodingIsDecodedForTheDriverAndSecretsAreListedBothWays() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://me:p%40ss%2F@h/lab?sslpassword=k%26ey&options=-c%20x.password%3Dz");
        assertThat(u.secrets()).containsEntry("password", "p@ss/").containsEntry("sslpassword", "k&ey")
                .containsEntry("options", "-c x.password=z");
        assertThat(u.withoutSecrets()).isEqualTo("jdbc:postgresql://h/lab");
        assertThat(u.secretValues()).contains("p%40ss%2F", "p@ss/", "k%26ey", "k&ey");
    }

    @Test
    void optionsWithoutAPasswordStayAndAnAtInTheQueryIsNotUserInfo() {
        JdbcUrl u = JdbcUrl.parse("jdbc:postgresql://h:1/lab?options=-c%20search_path%3Dx&user=a@b");
        assertThat(u.withoutSecrets()).isEqualTo("jdbc:postgresql://h:1/lab?options=-c%20search_path%3Dx&user=a%40b");
        assertThat(u.secrets()).isEmpty();
    }

    @Test
    void textThatIsNoUrlKeepsNothing() {
        assertThat(JdbcUrl.parse("secret words").isUrl()).isFalse();
        assertThat(JdbcUrl.parse("secret words").withoutSecrets()).isEqualTo("(not a URL)");
        assertThat(Secrets.displayUrl("jdbc:postgresql://u:pw,x@h/d")).isEqualTo("jdbc:postgresql://h/d");
    }
}
