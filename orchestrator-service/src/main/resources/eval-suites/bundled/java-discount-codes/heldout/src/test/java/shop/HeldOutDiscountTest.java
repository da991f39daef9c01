package shop;

public class HeldOutDiscountTest {

    public static void main(String[] args) {
        Check.equal(Discounts.apply(1000, "TEN"), 900L, "ten percent");
        Check.equal(Discounts.apply(999, "ten"), 899L, "ten percent rounds in the customer's favour, any case");
        Check.equal(Discounts.apply(1200, "FIVEOFF"), 700L, "five off");
        Check.equal(Discounts.apply(300, "FIVEOFF"), 0L, "never below zero");
        Check.equal(Discounts.apply(300, null), 300L, "no code");
        Check.equal(Discounts.apply(300, "  "), 300L, "blank code");
        Check.throwsIllegalArgument(() -> Discounts.apply(300, "FREE"), "unknown code");
    }
}
