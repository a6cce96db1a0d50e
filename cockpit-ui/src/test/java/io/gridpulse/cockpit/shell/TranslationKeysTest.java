package io.gridpulse.cockpit.shell;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every label has a Chinese (default and zh_CN) and an English text: no key is missing from one language. */
class TranslationKeysTest {

    @Test
    void everyLanguageFileHasEveryKeyWithAText() throws IOException {
        var chinese = load("translations.properties");
        var zhCn = load("translations_zh_CN.properties");
        var english = load("translations_en.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(zhCn.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        for (var properties : java.util.List.of(chinese, zhCn, english)) {
            assertThat(properties.stringPropertyNames()).allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    @Test
    void thePanelsCaseListIsTranslated() throws IOException {
        assertThat(load("translations_en.properties").getProperty("map.cases.title.breaches")).isEqualTo("Cases with open breaches");
        assertThat(load("translations.properties").getProperty("map.cases.title.breaches")).isEqualTo("有超时预警的案件");
        assertThat(load("translations_en.properties").getProperty("cases.period.all")).isEqualTo("All time");
    }

    private static Properties load(String file) throws IOException {
        var properties = new Properties();
        try (var in = TranslationKeysTest.class.getResourceAsStream("/vaadin-i18n/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
