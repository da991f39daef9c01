package shop;

public class HeldOutItemCountTest {

    public static void main(String[] args) {
        Cart cart = new Cart().add(new Item("tea", 350, 2)).add(new Item("cake", 420, 1));
        Check.equal(cart.itemCount(), 3, "item count sums quantities");
        Check.equal(new Cart().itemCount(), 0, "empty cart");
        Check.equal(Receipt.render(new Cart().add(new Item("tea", 350, 1))), "tea x1  3.50\nITEMS  1\nTOTAL  3.50\n",
                "receipt shows the count before the total");
    }
}
