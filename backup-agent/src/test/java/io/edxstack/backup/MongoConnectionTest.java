package io.edxstack.backup;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoConnectionTest {

    @Test
    void clientSettings_renderedUriWithUserAndNoPassword_authenticatesWithThePassword() {
        MongoConnection db = new MongoConnection("mongodb://openedx@mongodb:27017/?authSource=admin",
                "p@ss:w/rd +%x", "openedx");
        ConnectionString uri = new ConnectionString(db.uriWithPassword());
        assertThat(uri.getCredential().getUserName()).isEqualTo("openedx");
        assertThat(uri.getCredential().getSource()).isEqualTo("admin");
        assertThat(new String(uri.getCredential().getPassword())).isEqualTo("p@ss:w/rd +%x");
        assertThat(MongoRestore.clientSettings(db).getCredential().getUserName()).isEqualTo("openedx");
        assertThat(db.toString()).isEqualTo("mongodb://***@mongodb:27017/?authSource=admin db openedx");
    }

    @Test
    void uriWithPassword_uriWithoutUserOrWithItsOwnPassword_isLeftAsItIs() {
        assertThat(new MongoConnection("mongodb://mongodb:27017/", "pw", "openedx").uriWithPassword())
                .isEqualTo("mongodb://mongodb:27017/");
        assertThat(new MongoConnection("mongodb://u:own@mongodb:27017/", "pw", "openedx").uriWithPassword())
                .isEqualTo("mongodb://u:own@mongodb:27017/");
    }
}
