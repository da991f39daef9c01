package shop;

public class HeldOutQuantityTest {

    public static void main(String[] args) {
        Cart cart = new Cart().add(new Item("tea", 350, 3)).add(new Item("cake", 420, 1));
        Check.equal(cart.totalCents(), 1470L, "total uses quantities");
        Check.equal(Receipt.render(cart), "tea x3  10.50\ncake x1  4.20\nTOTAL  14.70\n", "receipt total uses quantities");
    }
}
