package shop;

public class MoneyTest {

    public static void main(String[] args) {
        Check.equal(Money.format(123456), "1234.56", "format cents");
        Check.equal(Money.format(5), "0.05", "format small amounts");
        Check.equal(Money.format(-250), "-2.50", "format negative amounts");
    }
}
