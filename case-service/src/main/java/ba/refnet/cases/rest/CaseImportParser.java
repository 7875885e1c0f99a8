package ba.refnet.cases.rest;

import ba.refnet.cases.rest.CaseDtos.CaseIntakeRequest;
import ba.refnet.cases.rest.CaseDtos.ContactRequest;
import ba.refnet.cases.rest.CaseDtos.MemberRequest;
import ba.refnet.cases.service.CaseImport.Entry;
import ba.refnet.chassis.errors.InvalidInputException;
import ba.refnet.chassis.errors.InvalidInputException.FieldViolation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an import file into cases, each checked by the same rules as {@code POST /cases}. JSON lines: one case per
 * line, the intake body plus {@code sourceId}. CSV: one person per row, rows of a household sharing a
 * {@code source_id}; household columns are read from its first row; lists are separated by {@code ;}.
 */
@ApplicationScoped
public class CaseImportParser {

    static final List<String> CSV_COLUMNS = List.of("source_id", "municipality_code", "vulnerabilities", "needs",
            "phone", "email", "address", "role", "given_name", "family_name", "sex", "birth_date", "estimated_age",
            "jmbg");
    private static final Set<String> REQUIRED = Set.of("source_id", "role", "given_name", "family_name", "sex");

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    public List<Entry> jsonLines(String body) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                entries.add(jsonLine(i + 1, lines[i]));
            }
        }
        return nonEmpty(entries);
    }

    private Entry jsonLine(int line, String text) {
        String sourceId = null;
        try {
            ObjectNode node = json.readValue(text, ObjectNode.class);
            sourceId = node.hasNonNull("sourceId") ? node.get("sourceId").asText() : null;
            node.remove("sourceId");
            return checked(line, sourceId, json.treeToValue(node, CaseIntakeRequest.class));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return new Entry(line, sourceId, null, List.of(new FieldViolation(field.isEmpty() ? "json" : field,
                    firstLine(e.getOriginalMessage()))));
        } catch (JsonProcessingException e) {
            return new Entry(line, sourceId, null, List.of(new FieldViolation("json",
                    "not a JSON object: " + firstLine(e.getOriginalMessage()))));
        }
    }

    public List<Entry> csv(String body) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(new StringReader(body))) {
            checkColumns(parser.getHeaderNames());
            Map<String, List<CSVRecord>> households = new LinkedHashMap<>();
            for (CSVRecord row : parser) {
                households.computeIfAbsent(value(row, "source_id"), k -> new ArrayList<>()).add(row);
            }
            List<Entry> entries = new ArrayList<>();
            households.forEach((sourceId, rows) -> entries.add(household(sourceId, rows)));
            return nonEmpty(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("csv", "not a readable CSV file: " + firstLine(e.getMessage()));
        }
    }

    private Entry household(String sourceId, List<CSVRecord> rows) {
        CSVRecord first = rows.get(0);
        int line = (int) first.getRecordNumber() + 1;
        List<FieldViolation> problems = new ArrayList<>();
        List<MemberRequest> members = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            String at = "members[" + i + "].";
            for (String column : List.of("municipality_code", "vulnerabilities", "needs", "phone", "email", "address")) {
                if (i > 0 && value(row, column) != null && !value(row, column).equals(value(first, column))) {
                    problems.add(new FieldViolation(at + column, "differs from the household's first row (line "
                            + line + ")"));
                }
            }
            members.add(new MemberRequest(value(row, "role"), value(row, "given_name"), value(row, "family_name"),
                    value(row, "sex"), date(row, at, problems), age(row, at, problems), value(row, "jmbg")));
        }
        ContactRequest contact = value(first, "phone") == null && value(first, "email") == null
                && value(first, "address") == null ? null
                : new ContactRequest(value(first, "phone"), value(first, "email"), value(first, "address"));
        CaseIntakeRequest request = new CaseIntakeRequest(value(first, "municipality_code"), list(first, "vulnerabilities"),
                list(first, "needs"), contact, members);
        if (!problems.isEmpty()) {
            return new Entry(line, sourceId, null, problems);
        }
        return checked(line, sourceId, request);
    }

    private Entry checked(int line, String sourceId, CaseIntakeRequest request) {
        List<FieldViolation> problems = new ArrayList<>();
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > 100) {
            problems.add(new FieldViolation("sourceId", "the source system's reference is required (at most 100 characters)"));
        }
        validator.validate(request).forEach(v -> problems.add(new FieldViolation(v.getPropertyPath().toString()
                .replaceAll("<list element>", ""), v.getMessage())));
        return problems.isEmpty() ? Entry.of(line, sourceId, request.toCommand()) : new Entry(line, sourceId, null, problems);
    }

    private static void checkColumns(List<String> header) {
        List<FieldViolation> problems = new ArrayList<>();
        REQUIRED.stream().filter(c -> !header.contains(c)).sorted()
                .forEach(c -> problems.add(new FieldViolation("csv", "missing column '" + c + "'")));
        header.stream().filter(c -> !CSV_COLUMNS.contains(c))
                .forEach(c -> problems.add(new FieldViolation("csv", "unknown column '" + c + "'; columns are "
                        + String.join(", ", CSV_COLUMNS))));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String value(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column) || row.get(column).isBlank()) {
            return null;
        }
        return row.get(column);
    }

    private static List<String> list(CSVRecord row, String column) {
        String value = value(row, column);
        return value == null ? null : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(CSVRecord row, String at, List<FieldViolation> problems) {
        String value = value(row, "birth_date");
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldViolation(at + "birthDate", "must be a date such as 2015-09-02"));
            return null;
        }
    }

    private static Integer age(CSVRecord row, String at, List<FieldViolation> problems) {
        String value = value(row, "estimated_age");
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new FieldViolation(at + "estimatedAge", "must be a whole number of years"));
            return null;
        }
    }

    private static List<Entry> nonEmpty(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new InvalidInputException("body", "the file holds no cases");
        }
        return entries;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
