package ba.refnet.chassis.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void anyMemberNamesEveryRealmRole() throws IOException {
        Properties config = new Properties();
        try (InputStream in = Roles.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        String expression = Roles.ANY_MEMBER;
        String property = expression.substring(2, expression.length() - 1);

        assertEquals(realmRoles(), new TreeSet<>(Arrays.asList(config.getProperty(property).split(","))));
    }

    private static Set<String> realmRoles() {
        Set<String> roles = new TreeSet<>();
        for (Field field : Roles.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getName().equals("ANY_MEMBER")) {
                try {
                    roles.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return roles;
    }
}
