/**
 * Each brand's working conditions, from {@code rules/brands/}: time zone, staffed hours and holidays, response
 * times by priority and channel, and the thresholds for reach, advocates, repeated complaints and crises.
 * Entry point: {@link org.responsepolicy.brand.BrandDirectory}, which finds a brand's {@link BrandSettings}.
 */
package org.responsepolicy.brand;
