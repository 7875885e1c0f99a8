package db.migration;

import ba.refnet.reference.CodeList;
import ba.refnet.reference.Term;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the reference data shipped in the reference-data module: Bosnia and Herzegovina's administrative units and
 * the network's taxonomies (support types, target groups), with their labels in five languages.
 */
public class V3__Reference_data extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement units = connection.prepareStatement(
                "INSERT INTO administrative_unit (code, kind, parent_code, labels) VALUES (?, ?, ?, ?::jsonb)")) {
            for (Term term : CodeList.administrativeUnits().terms()) {
                units.setString(1, term.code());
                units.setString(2, term.kind());
                units.setString(3, term.parentCode());
                units.setString(4, json(term.labels()));
                units.addBatch();
            }
            units.executeBatch();
        }
        try (PreparedStatement terms = connection.prepareStatement(
                "INSERT INTO taxonomy_term (taxonomy, code, parent_code, labels) VALUES (?, ?, ?, ?::jsonb)")) {
            for (Map.Entry<String, CodeList> taxonomy : Map.of("support_type", CodeList.supportTypes(),
                    "target_group", CodeList.targetGroups()).entrySet()) {
                for (Term term : taxonomy.getValue().terms()) {
                    terms.setString(1, taxonomy.getKey());
                    terms.setString(2, term.code());
                    terms.setString(3, term.parentCode());
                    terms.setString(4, json(term.labels()));
                    terms.addBatch();
                }
            }
            terms.executeBatch();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(Map<String, String> labels) throws Exception {
        return JSON.writeValueAsString(labels);
    }
}
