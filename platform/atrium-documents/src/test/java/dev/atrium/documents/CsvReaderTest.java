package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Table;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @Test
    void fieldsAreTypedAndLeadingZerosStayText() {
        String csv = """
                id,name,amount,count,paid,day,at,zip
                1,"Smith, Jane",12.50,3,true,2024-03-01,2024-03-01 09:15:00,02134
                2,Lee,-7,0,FALSE,2024/3/2,2024-03-02T10:00,10001
                """;

        Table table = read("orders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.name()).isEqualTo("orders");
        assertThat(table.headers()).containsExactly("id", "name", "amount", "count", "paid", "day", "at", "zip");
        assertThat(table.rows()).containsExactly(
                List.of(1L, "Smith, Jane", 12.5, 3L, true, LocalDate.of(2024, 3, 1),
                        LocalDateTime.of(2024, 3, 1, 9, 15), "02134"),
                List.of(2L, "Lee", -7L, 0L, false, LocalDate.of(2024, 3, 2), LocalDateTime.of(2024, 3, 2, 10, 0),
                        10001L));
    }

    @Test
    void semicolonDelimiterIsDetected() {
        String csv = "Name;Price;Note\nTea;3,50;\"a; b\"\nCake;4;x\n";

        Table table = read("prices.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.headers()).containsExactly("Name", "Price", "Note");
        assertThat(table.rows()).containsExactly(List.of("Tea", "3,50", "a; b"), List.of("Cake", 4L, "x"));
    }

    @Test
    void tabDelimiterIsDetectedAndEmptyCellsAreNull() {
        String tsv = "a\tb\tc\n1\t\t3\n";

        Table table = read("data.txt.csv", "text/csv", tsv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.headers()).containsExactly("a", "b", "c");
        assertThat(table.rows()).containsExactly(Arrays.asList(1L, null, 3L));
    }

    @Test
    void byteOrderMarkIsDroppedFromTheFirstHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "名称,数量\n苹果,5\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, bom.length);
        System.arraycopy(body, 0, csv, bom.length, body.length);

        Table table = read("fruit.csv", "text/csv", csv);

        assertThat(table.headers()).containsExactly("名称", "数量");
        assertThat(table.rows()).containsExactly(List.of("苹果", 5L));
    }

    @Test
    void gbkFilesFromChineseExcelAreDecoded() {
        byte[] gbk = "城市,人口\n北京,2189\n上海,2487\n".getBytes(Charset.forName("GBK"));

        Table table = read("cities.csv", "application/vnd.ms-excel", gbk);

        assertThat(table.headers()).containsExactly("城市", "人口");
        assertThat(table.rows()).containsExactly(List.of("北京", 2189L), List.of("上海", 2487L));
    }

    @Test
    void csvMislabelledAsExcelByTheBrowserIsStillReadAsCsv() {
        Table table = read("export.csv", "application/vnd.ms-excel", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.rows()).containsExactly(List.of(1L, 2L));
    }

    @Test
    void missingHeaderNamesAndShortRowsAreFilledIn() {
        Table table = read("ragged.csv", "text/csv", ",b\n1\n1,2,3\n".getBytes(StandardCharsets.UTF_8));

        assertThat(table.headers()).containsExactly("Column 1", "b", "Column 3");
        assertThat(table.rows()).containsExactly(Arrays.asList(1L, null, null), List.of(1L, 2L, 3L));
    }

    @Test
    void anUnclosedQuoteIsRefusedAsMalformed() {
        assertThatThrownBy(() -> read("broken.csv", "text/csv", "a,b\n\"open,1\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'broken.csv' is not valid CSV");
    }

    private Table read(String name, String type, byte[] bytes) {
        return kit.read(Media.of(name, type, bytes)).tables().get(0);
    }
}
