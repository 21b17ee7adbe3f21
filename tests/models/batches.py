"""Sentences written for the batch tests of both encoders: the long ones make the short
one's batch padded, so a reading that depended on its batch would change beside them."""

ALONE = "Police arrested two protesters in the capital."
OTHERS = ["Rebels shelled army positions near the border town overnight, killing four soldiers "
          "and wounding a dozen civilians who had taken shelter in a school.",
          "The two governments signed a trade agreement after talks that lasted most of the week "
          "and ended with a joint statement on fishing rights and customs duties.",
          "Hundreds marched."]
