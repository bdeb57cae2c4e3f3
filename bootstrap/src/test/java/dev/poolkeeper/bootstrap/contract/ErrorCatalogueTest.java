package dev.poolkeeper.bootstrap.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.rest.support.ProblemResponses;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/api.md has one catalogue entry for every error code, with the status the server answers it with. */
class ErrorCatalogueTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.]+)` \\| (\\d{3}) \\|", Pattern.MULTILINE);

    @Test
    void everyCodeHasOneEntryWithItsStatusAndFollowsAreaDotReason() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "api.md"));
        Map<String, Integer> catalogue = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        Matcher m = ROW.matcher(doc.substring(doc.indexOf("## Error codes")));
        while (m.find()) {
            if (catalogue.put(m.group(1), Integer.parseInt(m.group(2))) != null) {
                twice.add(m.group(1));
            }
        }
        assertEquals(List.of(), twice, "codes listed twice");
        Map<String, Integer> server = new LinkedHashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(code.code().matches("[a-z_]+\\.[a-z_]+"), code.code() + " is area.reason");
            server.put(code.code(), ProblemResponses.status(code).getCode());
        }
        assertEquals(server, catalogue, "docs/api.md's catalogue and the server's codes and statuses");
    }
}
