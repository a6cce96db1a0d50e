package io.gridpulse.cockpit.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    @Test
    void aHashVerifiesItsPasswordOnlyAndCarriesOwaspsIterationCount() {
        var hash = Passwords.hash("Correct-horse-9");
        assertThat(Passwords.verify("Correct-horse-9", hash)).isTrue();
        assertThat(Passwords.verify("Correct-horse-8", hash)).isFalse();
        assertThat(Passwords.iterations(hash)).isEqualTo(600_000);
    }

    @Test
    void aStoredValueThatIsNotAHashVerifiesNothingInsteadOfFailing() {
        assertThat(Passwords.verify("x", "plain")).isFalse();
        assertThat(Passwords.verify("x", "pbkdf2$many$a$b")).isFalse();
        assertThat(Passwords.verify("x", "pbkdf2$1000$%%%$b")).isFalse();
        assertThat(Passwords.iterations("pbkdf2$x$a$b")).isZero();
        assertThat(Passwords.iterations("bcrypt$10$a$b")).isZero();
    }

    @Test
    void aChosenPasswordNeedsLengthThreeKindsOfCharacterAndNotTheName() {
        assertThat(Passwords.weaknesses("Short-1", "li")).containsExactly("password.rule.length");
        assertThat(Passwords.weaknesses("alllowercaseletters", "li")).containsExactly("password.rule.kinds");
        assertThat(Passwords.weaknesses("lowercase and 123", "li")).isEmpty();
        assertThat(Passwords.weaknesses("Zhangwei-2026", "zhangwei")).containsExactly("password.rule.name");
        assertThat(Passwords.weaknesses("密码很长的中文密码Ab1", "li")).isEmpty();
        assertThat(Passwords.weaknesses(null, "li")).containsExactly("password.rule.length");
    }

    @Test
    void aTemporaryPasswordMeetsTheRuleAndIsNeverTheSameTwice() {
        var seen = new java.util.HashSet<String>();
        for (int i = 0; i < 200; i++) {
            var temporary = Passwords.temporary();
            assertThat(Passwords.weaknesses(temporary, null)).as(temporary).isEmpty();
            assertThat(temporary).hasSize(17).doesNotContain("0", "O", "1", "l", "I");
            assertThat(seen.add(temporary)).isTrue();
        }
    }
}
