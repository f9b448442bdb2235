-- wrk script: GET or POST the same request; at the end prints one machine-readable line of figures.
package.path = "bench/?.lua;" .. package.path
done = require("common").done
