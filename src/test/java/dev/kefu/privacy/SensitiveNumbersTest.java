package dev.kefu.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensitiveNumbersTest {

	@Test
	void masksACardNumberInGroupsOfFourKeepingTheSpacesAndTheFirstAndLastFour() {
		assertThat(SensitiveNumbers.mask("我的卡号是 6222 0212 3456 7894，谢谢"))
			.isEqualTo("我的卡号是 6222 **** **** 7894，谢谢");
	}

	@Test
	void masksACardNumberWithDashesOrWithoutSeparators() {
		assertThat(SensitiveNumbers.mask("4111-1111-1111-1111")).isEqualTo("4111-****-****-1111");
		assertThat(SensitiveNumbers.mask("card 4111111111111111.")).isEqualTo("card 4111********1111.");
	}

	@Test
	void masksCardsOfThirteenToNineteenDigits() {
		// A 15-digit American Express number in its 4-6-5 grouping, and a 19-digit UnionPay number.
		assertThat(SensitiveNumbers.mask("3782 822463 10005")).isEqualTo("3782 ****** *0005");
		assertThat(SensitiveNumbers.mask("6212 2611 0200 0000 003")).isEqualTo("6212 **** **** ***0 003");
		assertThat(SensitiveNumbers.mask("4222222222222")).isEqualTo("4222*****2222");
	}

	@Test
	void leavesNumbersThatFailTheLuhnCheckAlone() {
		String order = "订单号 6222 0212 3456 7895 和 2024010112345678";
		assertThat(SensitiveNumbers.mask(order)).isEqualTo(order);
	}

	@Test
	void leavesPhoneNumbersDatesAndAmountsAlone() {
		String text = "电话 13812345678，138-1234-5678，2024-05-01 付了 1999 元，+86 10 8888 6666";
		assertThat(SensitiveNumbers.mask(text)).isEqualTo(text);
	}

	@Test
	void doesNotReadAPhoneNumberAndAQuantityAsACard() {
		// 13812345678 followed by 1009 is Luhn-valid as 15 digits, but an 11-digit group is no card's group.
		assertThat(SensitiveNumbers.luhnValid("138123456781009")).isTrue();
		assertThat(SensitiveNumbers.mask("13812345678 1009")).isEqualTo("13812345678 1009");
	}

	@Test
	void leavesNumbersGluedToLettersOrLongerRunsAlone() {
		String text = "SO4111111111111111 and 41111111111111111111 (20 digits)";
		assertThat(SensitiveNumbers.mask(text)).isEqualTo(text);
	}

	@Test
	void masksAResidentIdNumberKeepingTheFirstThreeAndLastFour() {
		assertThat(SensitiveNumbers.mask("身份证 11010519491231002X 请核对")).isEqualTo("身份证 110***********002X 请核对");
		assertThat(SensitiveNumbers.mask("id 110105194912310021x")).isEqualTo("id 110105194912310021x");
	}

	@Test
	void leavesAResidentIdNumberWithAWrongCheckCharacterOrAnImpossibleBirthDateAlone() {
		assertThat(SensitiveNumbers.mask("11010519491231002Y")).isEqualTo("11010519491231002Y");
		assertThat(SensitiveNumbers.mask("110105194912310021")).isEqualTo("110105194912310021");
		// Valid check character, but born on the 32nd of December.
		assertThat(SensitiveNumbers.residentIdValid("110105194912320020")).isFalse();
	}

	@Test
	void masksSeveralNumbersInOneText() {
		assertThat(SensitiveNumbers.mask("卡 6222 0212 3456 7894 身份证 11010519491231002X 卡2 4111111111111111"))
			.isEqualTo("卡 6222 **** **** 7894 身份证 110***********002X 卡2 4111********1111");
	}

	@Test
	void leavesAMaskedNumberAsItIs() {
		String masked = "6222 **** **** 7894 / 110***********002X";
		assertThat(SensitiveNumbers.mask(masked)).isEqualTo(masked);
	}
}
